import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's h1 and the browser tab's title. Focus moves to the heading when the page opens, so a
 * screen-reader user hears where a link took them (a single-page app does not reload).
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · DUP Monitor`;
    ref.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <div className="mb-4">
      <h1 ref={ref} tabIndex={-1} className="h2 page-heading">
        {title}
      </h1>
      {children ? <p className="lead mb-0">{children}</p> : null}
    </div>
  );
}
