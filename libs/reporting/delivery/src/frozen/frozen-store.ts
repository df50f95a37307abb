import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import * as E from '@dup/domain';

/** What is frozen for an approved revision: the three renditions and the transparency package. */
export type FrozenFormat = 'pdf' | 'xlsx' | 'html' | 'zip';

/** A frozen file with the act that approved its revision. */
export interface FrozenFile {
  periodId: string;
  revision: number;
  scope: string;
  format: FrozenFormat;
  fileName: string;
  bytes: Buffer;
  sizeBytes: number;
  pageCount: number | null;
  sha256: string;
  frozenAt: Date;
  approvedBy: { body: E.ActBody; kind: E.ActKind; number: string; date: string };
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const toFile = (row: E.FrozenReport): FrozenFile => {
  const act = row.approvedBy.getEntity();
  return {
    periodId: row.period.id,
    revision: row.revision,
    scope: row.scope,
    format: row.format as FrozenFormat,
    fileName: row.fileName,
    bytes: row.bytes,
    sizeBytes: row.sizeBytes,
    pageCount: row.pageCount ?? null,
    sha256: row.sha256,
    frozenAt: row.frozenAt,
    approvedBy: { body: act.body, kind: act.kind, number: act.number, date: act.date },
  };
};

export interface FrozenKey {
  periodId: string;
  revision: number;
  scope: string;
  format: FrozenFormat;
}

/** The frozen file of a revision, bytes included, or null when it was never frozen (one statement). */
export async function findFrozen(em: EntityManager, key: FrozenKey): Promise<FrozenFile | null> {
  const row = await em
    .fork()
    .findOne(E.FrozenReport, { period: key.periodId, revision: key.revision, scope: key.scope, format: key.format }, { populate: ['bytes', 'approvedBy'] });
  return row ? toFile(row) : null;
}

/**
 * Stores a file the first time; when two first requests race, the first insert wins and both
 * answer with its bytes, so a revision has exactly one file per scope and format.
 */
export async function storeFrozen(
  em: EntityManager,
  enteId: string,
  key: FrozenKey,
  file: { fileName: string; bytes: Buffer; pageCount: number | null; approvedById: string },
): Promise<FrozenFile> {
  await em
    .fork()
    .createQueryBuilder(E.FrozenReport)
    .insert({
      id: crypto.randomUUID(),
      ente: enteId,
      period: key.periodId,
      revision: key.revision,
      scope: key.scope,
      format: key.format,
      fileName: file.fileName,
      bytes: file.bytes,
      sizeBytes: file.bytes.length,
      pageCount: file.pageCount,
      sha256: sha256Hex(file.bytes),
      approvedBy: file.approvedById,
    })
    .onConflict(['period_id', 'revision', 'scope', 'format'])
    .ignore()
    .execute();
  const stored = await findFrozen(em, key);
  if (!stored) throw new Error(`Frozen report ${JSON.stringify(key)} missing right after its insert`);
  return stored;
}

/** One frozen file of the ente with these bytes' SHA-256, with its period and edition (or null). */
export async function findFrozenByHash(em: EntityManager, enteId: string, sha256: string) {
  return em.fork().findOne(E.FrozenReport, { ente: enteId, sha256 }, { populate: ['approvedBy', 'period.edition', 'ente'], orderBy: { frozenAt: 'asc' } });
}
