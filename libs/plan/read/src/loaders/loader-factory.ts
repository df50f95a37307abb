import DataLoader from 'dataloader';

/**
 * A loader that fetches the children of many parents in one statement and hands each parent
 * its own list, in the order the statement returned them.
 */
export function groupedLoader<V>(fetch: (keys: readonly string[]) => Promise<V[]>, parentKey: (value: V) => string) {
  return new DataLoader<string, V[]>(async (keys) => {
    const rows = await fetch(keys);
    const groups = new Map<string, V[]>();
    for (const row of rows) {
      const key = parentKey(row);
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push(row);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** A loader by primary key; a missing row resolves to null. */
export function byIdLoader<V>(fetch: (ids: readonly string[]) => Promise<V[]>, idOf: (value: V) => string) {
  return new DataLoader<string, V | null>(async (ids) => {
    const rows = await fetch(ids);
    const byId = new Map(rows.map((row) => [idOf(row), row] as const));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
