import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useMutation } from 'urql';
import { ConfirmAction } from '../../components/ConfirmAction';
import { ErrorAlert } from '../../components/Feedback';
import { SelectField, TextField } from '../../components/fields';
import { RoleLabels } from '../../gql/enum-labels';
import type { Role, UsersQuery as UsersResult } from '../../gql/graphql';
import { fieldProblem } from '../../graphql/errors';
import { passwordProblem } from '../../lib/password-rules';
import { ROLE_OPTIONS } from './CreateUserForm';
import { DepartmentChecklist } from './DepartmentChecklist';
import { ResetUserPasswordMutation, SetUserActiveMutation, SetUserDepartmentsMutation, UpdateUserMutation } from './users-queries';

export type ManagedUser = UsersResult['users'][number];
type Department = { code: string; name: string };

/**
 * Everything an administrator does to one user: name and role, departments, a password reset,
 * deactivation. Each part saves on its own and says what happened; the destructive ones ask first.
 */
export function UserManager(props: { user: ManagedUser; departments: readonly Department[]; onClose(): void }) {
  const { user, departments, onClose } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const status = useRef<HTMLDivElement>(null);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => heading.current?.focus(), [user.id]);
  // The message takes focus when the control that was used has gone (a confirmation step).
  const report = (message: string, focus = false) => {
    setDone(message);
    if (focus) setTimeout(() => status.current?.focus(), 0);
  };

  return (
    <section aria-labelledby="gestione-utente" className="card card-bg no-after my-4">
      <div className="card-body">
        <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
          <h2 id="gestione-utente" ref={heading} tabIndex={-1} className="h4 card-title page-heading">
            {user.displayName} ({user.username})
          </h2>
          <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onClose}>
            Chiudi
          </button>
        </div>
        <div ref={status} tabIndex={-1} role="status" className={done ? 'alert alert-success' : ''}>
          {done}
        </div>
        <div className="row g-4">
          <div className="col-12 col-lg-6">
            <NameAndRole key={`${user.id}-${user.role}-${user.displayName}`} user={user} departments={departments} onDone={report} />
          </div>
          {user.role === 'DEPARTMENT_HEAD' ? (
            <div className="col-12 col-lg-6">
              <Departments key={`${user.id}-${user.departments.map((d) => d.code).join()}`} user={user} departments={departments} onDone={report} />
            </div>
          ) : null}
          <div className="col-12 col-lg-6">
            <PasswordReset key={user.id} user={user} onDone={report} />
          </div>
          <div className="col-12 col-lg-6">
            <Access key={user.id} user={user} onDone={report} />
          </div>
        </div>
      </div>
    </section>
  );
}

interface NameRoleForm {
  displayName: string;
  role: Role;
  departmentCodes: string[];
}

function NameAndRole({ user, departments, onDone }: { user: ManagedUser; departments: readonly Department[]; onDone(message: string): void }) {
  const [result, update] = useMutation(UpdateUserMutation);
  const { register, handleSubmit, formState, setError, control } = useForm<NameRoleForm>({
    defaultValues: { displayName: user.displayName, role: user.role, departmentCodes: [] },
  });
  const role = useWatch({ control, name: 'role' });
  const becomesHead = role === 'DEPARTMENT_HEAD' && user.role !== 'DEPARTMENT_HEAD';
  const fields = { displayName: 'displayName', role: 'role', departmentCodes: 'departmentCodes' } as const;

  const onSubmit = handleSubmit(async (values) => {
    const displayName = values.displayName.trim();
    const changes = {
      displayName: displayName !== user.displayName ? displayName : null,
      role: values.role !== user.role ? values.role : null,
      departmentCodes: becomesHead ? values.departmentCodes : null,
    };
    if (!changes.displayName && !changes.role) {
      setError('displayName', { message: 'Nessuna modifica da salvare.' }, { shouldFocus: true });
      return;
    }
    const res = await update({ id: user.id, ...changes });
    const problem = fieldProblem(res.error, fields);
    if (problem) setError(problem.field, { message: problem.message }, { shouldFocus: true });
    else if (res.data) onDone(`Dati di ${res.data.updateUser.displayName} salvati: ${RoleLabels[res.data.updateUser.role]}.`);
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="utente-nome-ruolo">
      <h3 id="utente-nome-ruolo" className="h5 before-fields">
        Nome e ruolo
      </h3>
      {!fieldProblem(result.error, fields) ? <ErrorAlert error={result.error} /> : null}
      <TextField
        id="utente-nome"
        label="Nome e cognome"
        autoComplete="off"
        error={formState.errors.displayName?.message}
        registration={register('displayName', { validate: (v) => v.trim() !== '' || 'Indicare il nome e cognome.' })}
      />
      <SelectField
        id="utente-ruolo"
        label="Ruolo"
        options={ROLE_OPTIONS}
        error={formState.errors.role?.message}
        hint="Chi smette di essere dirigente perde i settori; chi smette di essere revisore perde i token API."
        registration={register('role')}
      />
      {becomesHead ? (
        <DepartmentChecklist
          idPrefix="utente-nuovi-settori"
          departments={departments}
          error={formState.errors.departmentCodes?.message}
          registration={register('departmentCodes', {
            validate: (v) => !becomesHead || (v && v.length > 0) || 'Un dirigente deve essere associato ad almeno un settore.',
          })}
        />
      ) : null}
      <button type="submit" className="btn btn-primary btn-sm" disabled={formState.isSubmitting}>
        Salva nome e ruolo
      </button>
    </form>
  );
}

function Departments({ user, departments, onDone }: { user: ManagedUser; departments: readonly Department[]; onDone(message: string): void }) {
  const [result, save] = useMutation(SetUserDepartmentsMutation);
  // The user's own departments first, so they show without scrolling the list.
  const own = new Set(user.departments.map((d) => d.code));
  const ordered = [...departments.filter((d) => own.has(d.code)), ...departments.filter((d) => !own.has(d.code))];
  const { register, handleSubmit, formState, setError } = useForm<{ departmentCodes: string[] }>({
    defaultValues: { departmentCodes: user.departments.map((d) => d.code) },
  });
  const onSubmit = handleSubmit(async ({ departmentCodes }) => {
    const res = await save({ id: user.id, departmentCodes });
    const problem = fieldProblem(res.error, { departmentCodes: 'departmentCodes' } as const);
    if (problem) setError('departmentCodes', { message: problem.message });
    else if (res.data) onDone(`Settori di ${user.displayName}: ${res.data.setUserDepartments.departments.map((d) => d.name).join(', ')}.`);
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="utente-settori">
      <h3 id="utente-settori" className="h5">
        Settori
      </h3>
      {result.error && !fieldProblem(result.error, { departmentCodes: 'departmentCodes' } as const) ? <ErrorAlert error={result.error} /> : null}
      <DepartmentChecklist
        idPrefix="utente-settore"
        legend="Settori di cui risponde"
        departments={ordered}
        error={formState.errors.departmentCodes?.message}
        registration={register('departmentCodes', { validate: (v) => (v && v.length > 0) || 'Un dirigente deve essere associato ad almeno un settore.' })}
      />
      <button type="submit" className="btn btn-primary btn-sm" disabled={formState.isSubmitting}>
        Salva i settori
      </button>
    </form>
  );
}

function PasswordReset({ user, onDone }: { user: ManagedUser; onDone(message: string, focus?: boolean): void }) {
  const [result, reset] = useMutation(ResetUserPasswordMutation);
  const [asking, setAsking] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const form = useForm<{ newPassword: string }>({ defaultValues: { newPassword: '' } });
  const { register, handleSubmit, formState, setError, getValues } = form;
  const problemOf = (error: typeof result.error) => fieldProblem(error, { newPassword: 'newPassword' } as const);

  const confirm = async () => {
    const res = await reset({ id: user.id, newPassword: getValues('newPassword') });
    setAsking(false);
    const problem = problemOf(res.error);
    if (problem) setError('newPassword', { message: problem.message }, { shouldFocus: true });
    else if (res.data) {
      form.reset();
      onDone(`Password di ${user.displayName} reimpostata: al prossimo accesso dovrà sceglierne una nuova. Le sue sessioni aperte sono state chiuse.`, true);
    } else setTimeout(() => trigger.current?.focus(), 0);
  };

  return (
    <form onSubmit={handleSubmit(() => setAsking(true))} noValidate aria-labelledby="utente-password">
      <h3 id="utente-password" className="h5 before-fields">
        Password
      </h3>
      {result.error && !problemOf(result.error) ? <ErrorAlert error={result.error} /> : null}
      <TextField
        id="utente-nuova-password"
        label="Password temporanea"
        type="password"
        autoComplete="new-password"
        hint="Almeno 12 caratteri, da comunicare all'utente: al prossimo accesso dovrà sceglierne una nuova."
        error={formState.errors.newPassword?.message}
        registration={register('newPassword', { validate: (v) => passwordProblem(v) ?? true })}
      />
      {asking ? (
        <ConfirmAction
          question={`Reimpostare la password di ${user.displayName}?`}
          confirmLabel="Conferma la reimpostazione"
          busy={result.fetching}
          onConfirm={() => void confirm()}
          onCancel={() => {
            setAsking(false);
            setTimeout(() => trigger.current?.focus(), 0);
          }}
        >
          Le sessioni aperte dell'utente vengono chiuse e la password attuale non vale più.
        </ConfirmAction>
      ) : (
        <button ref={trigger} type="submit" className="btn btn-outline-primary btn-sm">
          Reimposta la password
        </button>
      )}
    </form>
  );
}

function Access({ user, onDone }: { user: ManagedUser; onDone(message: string, focus?: boolean): void }) {
  const [result, setActive] = useMutation(SetUserActiveMutation);
  const [asking, setAsking] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);

  const apply = async (active: boolean) => {
    const res = await setActive({ id: user.id, active });
    setAsking(false);
    if (res.data) {
      onDone(
        active
          ? `${user.displayName} è di nuovo attivo e può accedere.`
          : `${user.displayName} è stato disattivato: non può più accedere e le sue sessioni sono state chiuse.`,
        true,
      );
    } else setTimeout(() => trigger.current?.focus(), 0);
  };

  return (
    <div role="group" aria-labelledby="utente-accesso">
      <h3 id="utente-accesso" className="h5">
        Accesso
      </h3>
      <ErrorAlert error={result.error} />
      <p className="mb-2">{user.active ? "L'utente è attivo e può accedere." : "L'utente è disattivato: non può accedere."}</p>
      {asking ? (
        <ConfirmAction
          question={`Disattivare ${user.displayName}?`}
          confirmLabel="Conferma la disattivazione"
          busy={result.fetching}
          onConfirm={() => void apply(false)}
          onCancel={() => {
            setAsking(false);
            setTimeout(() => trigger.current?.focus(), 0);
          }}
        >
          Non potrà più accedere e le sue sessioni aperte vengono chiuse. I dati che ha inserito restano; si può riattivare in seguito.
        </ConfirmAction>
      ) : user.active ? (
        <button ref={trigger} type="button" className="btn btn-outline-danger btn-sm" onClick={() => setAsking(true)}>
          Disattiva l'utente
        </button>
      ) : (
        <button ref={trigger} type="button" className="btn btn-outline-primary btn-sm" onClick={() => void apply(true)} disabled={result.fetching}>
          Riattiva l'utente
        </button>
      )}
    </div>
  );
}
