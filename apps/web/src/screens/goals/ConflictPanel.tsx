import { useEffect, useRef } from 'react';
import { Markdown } from '../../components/Markdown';
import { StateBadge } from '../../components/StateBadge';
import type { DeclaredState } from '../../gql/graphql';
import { formatDateTime, formatPercent } from '../../lib/format';

/** The version another person saved meanwhile, as the API returns it with CONFLICT. */
export interface SavedVersion {
  version: number;
  narrative?: string;
  declaredState?: DeclaredState | null;
  percentComplete?: string | null;
  text?: string;
  author?: string;
  updatedAt?: string;
}

/**
 * Someone saved while this person was writing: both texts side by side, and the choice of which
 * to keep or to merge them. Nothing is lost; nothing is saved until the person saves again.
 */
export function ConflictPanel(props: { what: string; saved: SavedVersion; mine: string; onKeepSaved(): void; onKeepMine(): void; onMerge(): void }) {
  const { what, saved, mine, onKeepSaved, onKeepMine, onMerge } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const savedText = saved.narrative ?? saved.text ?? '';
  return (
    <section className="alert alert-warning" aria-labelledby="conflitto-titolo">
      <h2 id="conflitto-titolo" ref={heading} tabIndex={-1} className="h5">
        {what}: un'altra versione è stata salvata mentre lei scriveva
      </h2>
      <p>
        {saved.author ? `L'utente «${saved.author}» ha salvato` : 'È stata salvata'} la versione {saved.version}
        {saved.updatedAt ? ` il ${formatDateTime(saved.updatedAt)}` : ''}. Il suo testo non è andato perso: scelga che cosa tenere, poi salvi di nuovo.
      </p>
      <div className="row g-3">
        <div className="col-12 col-lg-6">
          <h3 className="h6">Versione salvata</h3>
          <div className="border rounded p-2 bg-white">
            {saved.declaredState !== undefined ? (
              <p className="mb-1">
                <StateBadge state={saved.declaredState} reported />
                {saved.percentComplete ? <span className="ms-2">{formatPercent(saved.percentComplete)}</span> : null}
              </p>
            ) : null}
            <Markdown source={savedText || '—'} />
          </div>
        </div>
        <div className="col-12 col-lg-6">
          <h3 className="h6">Il suo testo</h3>
          <div className="border rounded p-2 bg-white">
            <Markdown source={mine || '—'} />
          </div>
        </div>
      </div>
      <div className="d-flex flex-wrap gap-2 mt-3">
        <button type="button" className="btn btn-primary btn-sm" onClick={onKeepMine}>
          Tieni il mio testo
        </button>
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={onMerge}>
          Unisci i due testi
        </button>
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={onKeepSaved}>
          Tieni la versione salvata
        </button>
      </div>
    </section>
  );
}

/** Mine first, then the other version, marked, for the person to edit into one text. */
export function mergeTexts(mine: string, saved: string): string {
  if (!saved.trim()) return mine;
  if (!mine.trim()) return saved;
  return `${mine.trim()}\n\n--- Versione salvata da un altro utente ---\n\n${saved.trim()}`;
}
