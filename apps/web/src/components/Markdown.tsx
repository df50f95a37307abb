import MarkdownIt from 'markdown-it';
import { useMemo } from 'react';

// Raw HTML off: a narrative can never inject markup; markdown-it also refuses javascript: links.
const md = new MarkdownIt({ html: false, linkify: false, breaks: false });

/** A plan text (Markdown) as the reports print it. */
export function Markdown({ source, className = '' }: { source: string; className?: string }) {
  const html = useMemo(() => md.render(source), [source]);
  return <div className={`markdown ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
