import Decimal from 'decimal.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityData, EntityName } from '@mikro-orm/core';

/**
 * Keeps a set of existing rows in step with the wanted ones, matched by a natural key:
 * existing rows are assigned (only real changes reach the database), missing rows are
 * created, and, when `removeOthers` is set, rows no longer wanted are removed.
 */
export function syncByKey<T extends object, W>(options: {
  em: EntityManager;
  entity: EntityName<T>;
  existing: readonly T[];
  wanted: readonly W[];
  keyOfExisting: (row: T) => string;
  keyOfWanted: (row: W) => string;
  data: (row: W) => EntityData<T>;
  removeOthers?: boolean;
}): Map<string, T> {
  const { em } = options;
  const byKey = new Map(options.existing.map((row) => [options.keyOfExisting(row), row] as const));
  const result = new Map<string, T>();
  for (const wanted of options.wanted) {
    const key = options.keyOfWanted(wanted);
    if (result.has(key)) throw new Error(`Chiave duplicata nel dataset: ${key}`);
    const current = byKey.get(key);
    const data = options.data(wanted);
    if (current) {
      assignChanged(em, current, data);
      result.set(key, current);
    } else {
      result.set(key, em.create(options.entity, data as never));
    }
  }
  if (options.removeOthers) {
    for (const [key, row] of byKey) if (!result.has(key)) em.remove(row);
  }
  return result;
}

/** Assigns only the values that differ, so reloading unchanged data writes nothing. */
function assignChanged<T extends object>(em: EntityManager, entity: T, data: EntityData<T>): void {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const current = (entity as Record<string, unknown>)[key];
    if (!sameValue(current, value)) changes[key] = value;
  }
  if (Object.keys(changes).length > 0) em.assign(entity, changes as never);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const idA = (a as { id?: unknown }).id ?? (a as { code?: unknown }).code;
    const idB = (b as { id?: unknown }).id ?? (b as { code?: unknown }).code;
    if (idA !== undefined && idA === idB) return true;
  }
  if (typeof a === 'string' && typeof b === 'string' && /^-?\d+(\.\d+)?$/.test(a) && /^-?\d+(\.\d+)?$/.test(b)) {
    return new Decimal(a).equals(b);
  }
  return false;
}
