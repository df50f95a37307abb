import type { ReactNode } from 'react';
import { ScrollRegion } from './ScrollRegion';

export interface ProblemColumn<P> {
  header: string;
  cell: (problem: P) => ReactNode;
}

/** The located problems of a refused file, one row each, so that a person can fix the file from this table alone. */
export function ProblemTable<P>({
  label,
  caption,
  columns,
  problems,
}: {
  label: string;
  caption: string;
  columns: ProblemColumn<P>[];
  problems: readonly P[];
}) {
  return (
    <ScrollRegion label={label}>
      <table className="table table-sm">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c.header}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c.header}>{c.cell(p)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
