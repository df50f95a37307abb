import { createHash } from 'node:crypto';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { PeriodState, PlanEdition, Programme, Role, sameSpendingFigures, SpendingExtract, SpendingRow, type Viewer } from '@dup/domain';
import { recordAudit, type SystemActor } from '@dup/audit';
import { requireRole } from '@dup/auth';
import { DomainError, notFound } from '@dup/graphql-kit';
import { amountsOf, latestSpendingExtract } from '@dup/plan-read';
import { italianDate, lockPeriodForWrite, PERIOD_STATE_LABELS } from '@dup/plan-write';
import { readExtractFile, UnreadableExtract } from './read-extract-file';
import { validateExtract, type Catalogue, type ExtractProblem } from './validate-extract';

/** Who may load a period's spending: the planning office and administrators. */
export const SPENDING_LOADERS: readonly Role[] = [Role.PLANNING_OFFICE, Role.ADMIN];

/** States in which a period's spending may still be loaded: the data of the others are final. */
const WRITABLE_STATES: readonly PeriodState[] = [PeriodState.OPEN, PeriodState.IN_REVIEW];

export interface SpendingImportRequest {
  editionCode: string;
  /** Cut-off date of the period, ISO. */
  cutoffDate: string;
  fileName: string;
  bytes: Buffer;
}

/** A person through the API, or an operator at the command line (`cli`). */
export type SpendingLoader = { viewer: Viewer; requestId?: string } | { system: SystemActor; loadedBy: string };

export interface SpendingImportResult {
  /** CREATED: a new version; UNCHANGED: the latest version already has these figures. */
  outcome: 'CREATED' | 'UNCHANGED';
  version: number;
  rowCount: number;
  sha256: string;
}

/** The extract has problems: nothing was written. Carries every problem found. */
export class SpendingExtractRejected extends DomainError {
  constructor(readonly problems: ExtractProblem[]) {
    super(
      'SPENDING_EXTRACT_INVALID',
      `Il file contiene ${problems.length === 1 ? 'un errore' : `${problems.length} errori`}: nessun dato è stato caricato. Correggere le righe indicate e caricarlo di nuovo.`,
      {
        problems,
      },
    );
  }
}

export async function loadCatalogue(em: EntityManager): Promise<Catalogue & { list: Programme[] }> {
  const list = await em.find(Programme, {}, { populate: ['mission'], orderBy: { id: 'asc' } });
  return {
    list,
    programmes: new Map(list.map((p) => [p.id, { missionName: p.mission.getEntity().name ?? null, programmeName: p.name }])),
  };
}

/**
 * Loads a spending extract into a period: all or nothing, in one transaction. Every row is
 * checked first (SpendingExtractRejected lists every problem); the same figures as the latest
 * version change nothing; different figures make a new version, recorded in the audit trail
 * with the file's SHA-256 and who loaded it.
 */
export async function importSpendingExtract(em: EntityManager, loader: SpendingLoader, request: SpendingImportRequest): Promise<SpendingImportResult> {
  const enteId = 'viewer' in loader ? requireRole({ viewer: loader.viewer }, SPENDING_LOADERS, { write: true }).enteId : loader.system.enteId;
  const sha256 = createHash('sha256').update(request.bytes).digest('hex');
  let table;
  try {
    table = await readExtractFile(request.bytes);
  } catch (error) {
    if (error instanceof UnreadableExtract)
      throw new SpendingExtractRejected([{ row: null, column: null, field: null, code: error.code, message: error.message }]);
    throw error;
  }
  const { figures, problems } = validateExtract(table, await loadCatalogue(em));
  if (problems.length) throw new SpendingExtractRejected(problems);

  return em.transactional(async (tx) => {
    const edition = await tx.findOne(PlanEdition, { ente: enteId, code: request.editionCode });
    if (!edition) throw notFound('Edizione del DUP', request.editionCode);
    // For update: two loads of one period queue up, so versions never collide, and the period
    // cannot be closed while a load is being written.
    const period = await lockPeriodForWrite(tx, edition.id, request.cutoffDate, LockMode.PESSIMISTIC_WRITE);
    if (!WRITABLE_STATES.includes(period.state)) {
      throw new DomainError(
        'PERIOD_LOCKED',
        `Il periodo al ${italianDate(period.cutoffDate)} è ${PERIOD_STATE_LABELS[period.state]}: le sue spese non si possono più caricare.`,
        { periodState: period.state },
      );
    }
    const latest = await latestSpendingExtract(tx, period.id);
    if (latest) {
      const current = await tx.find(SpendingRow, { extract: latest });
      const same = sameSpendingFigures(
        figures,
        current.map((r) => ({ programmeId: r.programme.id, amounts: amountsOf(r) })),
      );
      if (same) return { outcome: 'UNCHANGED' as const, version: latest.version, rowCount: latest.rowCount, sha256: latest.sha256 };
    }
    const loadedBy = 'viewer' in loader ? loader.viewer.username : loader.loadedBy;
    const extract = tx.create(SpendingExtract, {
      ente: enteId,
      period,
      version: (latest?.version ?? 0) + 1,
      sha256,
      fileName: request.fileName.slice(0, 255),
      loadedBy,
      rowCount: figures.length,
    });
    for (const f of figures) tx.create(SpendingRow, { ente: enteId, extract, programme: f.programmeId, ...f.amounts });
    await tx.flush();
    await recordAudit(tx, 'viewer' in loader ? loader.viewer : loader.system, {
      operation: 'LOAD_SPENDING_EXTRACT',
      entityType: 'SpendingExtract',
      entityId: extract.id,
      periodId: period.id,
      before: latest ? { version: latest.version, sha256: latest.sha256, fileName: latest.fileName, rowCount: latest.rowCount } : null,
      after: { version: extract.version, sha256, fileName: extract.fileName, rowCount: extract.rowCount, loadedBy, format: table.format },
      requestId: 'viewer' in loader ? loader.requestId : null,
    });
    return { outcome: 'CREATED' as const, version: extract.version, rowCount: extract.rowCount, sha256 };
  });
}
