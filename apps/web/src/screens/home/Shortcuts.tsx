import { Link } from 'react-router';
import { canSee } from '../../app/navigation';
import type { Role } from '../../gql/graphql';

// The link says what the person does there, in words other than the menu's (which stays the one
// way to name a screen, for people and for tests alike).
const SHORTCUTS = [
  { path: '/documenti', title: 'Documenti', link: 'Scarica lo stato di attuazione', text: 'In PDF, Excel e HTML: intero piano, linea di mandato o settore.' },
  { path: '/piano', title: 'Piano', link: 'Sfoglia linee, obiettivi e finalità', text: 'Con lo stato di attuazione di ogni finalità e i suoi indicatori.' },
  {
    path: '/registro',
    title: 'Registro',
    link: 'Consulta le modifiche',
    text: 'Chi ha modificato cosa e quando: filtri per settore, obiettivo, utente e data.',
  },
  { path: '/utenti', title: 'Utenti', link: 'Gestisci gli account', text: 'Creazione, disattivazione, password e settori di ogni persona.' },
] as const;

/** The screens a role uses, for the roles that do not report (council, auditors, administrators). */
export function Shortcuts({ role }: { role: Role }) {
  const visible = SHORTCUTS.filter((s) => canSee(role, s.path));
  return (
    <section aria-labelledby="scorciatoie">
      <h2 id="scorciatoie" className="h4">
        Le pagine del suo ruolo
      </h2>
      <div className="row g-3">
        {visible.map((s) => (
          <div className="col-12 col-md-6 col-xl-3" key={s.path}>
            <div className="card card-bg no-after h-100">
              <div className="card-body">
                <h3 className="h5 card-title">{s.title}</h3>
                <p className="mb-2">{s.text}</p>
                <Link to={s.path}>{s.link}</Link>
              </div>
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}
