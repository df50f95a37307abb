import { useState } from 'react';
import { useQuery } from 'urql';
import { ErrorAlert, Loading, SuccessAlert } from '../../components/Feedback';
import { PageHeading } from '../../components/PageHeading';
import { RoleLabels } from '../../gql/enum-labels';
import { formatDateTime } from '../../lib/format';
import { CreateUserForm } from './CreateUserForm';
import { UserManager } from './UserManager';
import { UsersQuery } from './users-queries';

/** Utenti: the ente's users for administrators: create, edit, assign departments, reset, deactivate. */
export default function UsersPage() {
  const [result] = useQuery({ query: UsersQuery });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const users = result.data?.users ?? [];
  const departments = result.data?.departments ?? [];
  const current = users.find((u) => u.id === selected) ?? null;

  const focusLater = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);
  const close = () => {
    const id = selected;
    setSelected(null);
    if (id) focusLater(`gestisci-${id}`);
  };

  return (
    <>
      <PageHeading title="Utenti">Gli utenti dell'ente: ruolo, settori dei dirigenti, accesso e password.</PageHeading>
      <ErrorAlert error={result.error} />
      {created ? (
        <div id="utente-creato" tabIndex={-1}>
          <SuccessAlert>
            Utente <strong>{created}</strong> creato. Comunicare all'utente il nome utente e la password iniziale.
          </SuccessAlert>
        </div>
      ) : null}
      {creating ? (
        <CreateUserForm
          departments={departments}
          onCreated={(username) => {
            setCreating(false);
            setCreated(username);
            focusLater('utente-creato');
          }}
          onCancel={() => {
            setCreating(false);
            focusLater('apri-nuovo-utente');
          }}
        />
      ) : (
        <button
          id="apri-nuovo-utente"
          type="button"
          className="btn btn-primary mb-4"
          onClick={() => {
            setCreated(null);
            setCreating(true);
          }}
        >
          Nuovo utente
        </button>
      )}
      {result.fetching && !result.data ? <Loading label="Caricamento degli utenti…" /> : null}
      {users.length ? (
        <div className="table-responsive">
          <table className="table table-hover align-middle">
            <caption>
              {users.length} utenti, {users.filter((u) => u.active).length} attivi.
            </caption>
            <thead>
              <tr>
                <th scope="col">Nome utente</th>
                <th scope="col">Nome</th>
                <th scope="col">Ruolo</th>
                <th scope="col">Settori</th>
                <th scope="col">Stato</th>
                <th scope="col">Ultimo accesso</th>
                <th scope="col">
                  <span className="visually-hidden">Azioni</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} aria-current={u.id === selected ? 'true' : undefined}>
                  <th scope="row" className="fw-semibold">
                    {u.username}
                  </th>
                  <td>{u.displayName}</td>
                  <td>{RoleLabels[u.role]}</td>
                  <td>{u.departments.length ? u.departments.map((d) => d.name).join(', ') : '—'}</td>
                  <td>
                    {u.active ? <span className="badge bg-success">Attivo</span> : <span className="badge bg-secondary">Disattivato</span>}
                    {u.mustChangePassword ? <span className="d-block small">Deve cambiare la password</span> : null}
                  </td>
                  <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : 'Mai'}</td>
                  <td>
                    <button
                      id={`gestisci-${u.id}`}
                      type="button"
                      className="btn btn-outline-primary btn-sm"
                      aria-label={`Gestisci ${u.username}`}
                      aria-expanded={u.id === selected}
                      aria-controls={u.id === selected ? 'gestione-utente-pannello' : undefined}
                      onClick={() => setSelected(u.id === selected ? null : u.id)}
                    >
                      Gestisci
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {current ? (
        <div id="gestione-utente-pannello">
          <UserManager user={current} departments={departments} onClose={close} />
        </div>
      ) : null}
    </>
  );
}
