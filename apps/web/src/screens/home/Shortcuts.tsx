import { Link } from 'react-router';
import { canSee } from '../../app/navigation';
import type { Role } from '../../gql/graphql';

const SHORTCUTS = [
  { path: '/documenti', title: 'Documenti', text: 'Lo stato di attuazione in PDF, Excel e HTML: intero piano, linea di mandato o settore.' },
  { path: '/piano', title: 'Piano', text: 'Linee di mandato, obiettivi, finalità e indicatori, con lo stato di ogni finalità.' },
  { path: '/registro', title: 'Registro', text: 'Chi ha modificato cosa e quando: filtri per settore, obiettivo, utente e data.' },
  { path: '/utenti', title: 'Utenti', text: 'Creazione, disattivazione, password e settori degli utenti.' },
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
                <h3 className="h5 card-title">
                  <Link to={s.path}>{s.title}</Link>
                </h3>
                <p className="mb-0">{s.text}</p>
              </div>
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}
