import { Skiplink, SkiplinkItem } from 'design-react-kit';
import { Link } from 'react-router';
import { Icon } from '../components/Icon';

/** First focusable element of every page: straight to the content (WCAG 2.4.1). */
export function SkipLink() {
  return (
    <Skiplink>
      <SkiplinkItem href="#contenuto" className="skiplink-link">
        Vai al contenuto principale
      </SkiplinkItem>
    </Skiplink>
  );
}

/** The product's title bar (bootstrap-italia centre header). */
export function CenterHeader() {
  return (
    <div className="it-header-center-wrapper it-small-header">
      <div className="container">
        <div className="row">
          <div className="col-12">
            <div className="it-header-center-content-wrapper">
              <div className="it-brand-wrapper">
                <Link to="/">
                  <Icon name="it-chart-line" />
                  <div className="it-brand-text">
                    <div className="it-brand-title">DUP Monitor</div>
                    <div className="it-brand-tagline d-none d-md-block">Stato di attuazione del Documento Unico di Programmazione</div>
                  </div>
                </Link>
              </div>
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}

export function SiteFooter() {
  return (
    <footer className="it-footer mt-5">
      <div className="it-footer-small-prints clearfix">
        <div className="container">
          <p className="text-white py-3 mb-0 small">
            DUP Monitor · art. 170 e 147-ter TUEL, D.Lgs. 118/2011 allegato 4/1 ·{' '}
            <a className="text-white" href="/graphql">
              API GraphQL
            </a>
          </p>
        </div>
      </div>
    </footer>
  );
}
