import { forwardRef, type ReactNode } from 'react';

/**
 * The outcome of an action, in a live region that is always in the page (a region added together
 * with its text is not reliably announced). Focusable, so a screen can move focus to it.
 */
export const Announcement = forwardRef<HTMLDivElement, { children?: ReactNode; tone?: 'success' | 'info' }>(function Announcement(
  { children, tone = 'success' },
  ref,
) {
  return (
    <div aria-live="polite" aria-atomic="true">
      {children ? (
        <div ref={ref} tabIndex={-1} className={`alert alert-${tone}`}>
          {children}
        </div>
      ) : null}
    </div>
  );
});
