import { useEffect, useState, type ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { useSession, useUser } from '../auth/session';
import { Icon } from '../components/Icon';
import { NAVIGATION, ROLE_NAMES } from './navigation';
import { CenterHeader, SiteFooter, SkipLink } from './SiteFrame';
import { markFirstScreen } from '../lib/first-screen';

/**
 * The page frame of the Italian PA design system (bootstrap-italia): slim header with the user,
 * centre header with the product, navbar with what the user's role may do, footer.
 */
export function AppLayout({ children }: { children: ReactNode }) {
  const user = useUser();
  const { logout } = useSession();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(markFirstScreen, []);
  const entries = NAVIGATION.filter((e) => e.roles.includes(user.role));

  return (
    <>
      <SkipLink />
      <header className="it-header-wrapper">
        <div className="it-header-slim-wrapper">
          <div className="container">
            <div className="row">
              <div className="col-12">
                <div className="it-header-slim-wrapper-content">
                  <span className="navbar-brand">{user.ente.name}</span>
                  <div className="it-header-slim-right-zone gap-3">
                    <span className="text-white d-none d-md-inline">
                      {user.displayName} · {ROLE_NAMES[user.role]}
                    </span>
                    <Link className="text-white" to="/profilo">
                      Profilo
                    </Link>
                    <button type="button" className="btn btn-primary btn-sm btn-icon" onClick={() => void logout()}>
                      <Icon name="it-logout" className="icon-white me-1" size="sm" />
                      <span>Esci</span>
                    </button>
                  </div>
                </div>
              </div>
            </div>
          </div>
        </div>
        <div className="it-nav-wrapper">
          <CenterHeader />
          <div className="it-header-navbar-wrapper">
            <div className="container">
              <div className="row">
                <div className="col-12">
                  <nav className="navbar navbar-expand-lg" aria-label="Navigazione principale">
                    <button
                      className="custom-navbar-toggler"
                      type="button"
                      aria-controls="menu-principale"
                      aria-expanded={menuOpen}
                      aria-label="Mostra o nascondi il menu"
                      onClick={() => setMenuOpen((open) => !open)}
                    >
                      <Icon name="it-burger" />
                    </button>
                    <div
                      className={`navbar-collapsable${menuOpen ? ' expanded' : ''}`}
                      id="menu-principale"
                      style={menuOpen ? { display: 'block' } : undefined}
                    >
                      <div className="overlay" style={menuOpen ? { display: 'block' } : undefined} onClick={() => setMenuOpen(false)} aria-hidden="true" />
                      <div className="close-div">
                        <button className="btn close-menu" type="button" onClick={() => setMenuOpen(false)}>
                          <span className="visually-hidden">Nascondi il menu</span>
                          <Icon name="it-close-big" />
                        </button>
                      </div>
                      <div className="menu-wrapper">
                        <ul className="navbar-nav">
                          {entries.map((entry) => (
                            <li className="nav-item" key={entry.path}>
                              <NavLink
                                className={({ isActive }) => `nav-link${isActive ? ' active' : ''}`}
                                to={entry.path}
                                end={entry.path === '/'}
                                onClick={() => setMenuOpen(false)}
                              >
                                <span>{entry.label}</span>
                              </NavLink>
                            </li>
                          ))}
                        </ul>
                      </div>
                    </div>
                  </nav>
                </div>
              </div>
            </div>
          </div>
        </div>
      </header>
      <main id="contenuto" className="container my-4" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
