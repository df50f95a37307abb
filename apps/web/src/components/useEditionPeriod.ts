import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { EditionsQuery } from '../screens/plan/plan-queries';
import type { EditionsQuery as EditionsResult } from '../gql/graphql';
import { currentPeriod } from '../lib/periods';

export type Edition = EditionsResult['planEditions'][number];
export type Period = Edition['periods'][number];

/**
 * The edition and period a screen shows, kept in the address (?edizione=…&periodo=…) so a link can
 * be shared; by default the latest edition and its current period, or the one `defaultPeriod` picks
 * (a module-level function: it is a dependency of the choice).
 */
export function useEditionPeriod(defaultPeriod: (periods: readonly Period[]) => Period | null = currentPeriod) {
  const [params, setParams] = useSearchParams();
  const [result, reexecute] = useQuery({ query: EditionsQuery });
  const editions = result.data?.planEditions ?? [];
  const edition = editions.find((e) => e.code === params.get('edizione')) ?? editions[0] ?? null;
  const period = useMemo(() => {
    if (!edition) return null;
    return edition.periods.find((p) => p.cutoffDate === params.get('periodo')) ?? defaultPeriod(edition.periods);
  }, [edition, params, defaultPeriod]);

  const choose = (changes: { edizione?: string; periodo?: string }) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  return {
    editions,
    edition,
    period,
    fetching: result.fetching && !result.data,
    error: result.error,
    choose,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
