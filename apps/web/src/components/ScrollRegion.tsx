import type { ReactNode } from 'react';

/** A table wider than the screen scrolls; keyboard users must reach it (axe scrollable-region-focusable). */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- the WAI pattern for a scrollable region: focusable and labelled
    <div className="table-responsive" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
