import type { EntityManager } from '@mikro-orm/postgresql';
import { Ente } from '@dup/domain';
import { amountsOf, latestSpendingRows } from '@dup/plan-read';
import { italianDate } from '@dup/plan-write';
import { loadCatalogue } from './spending-import.service';
import { spendingTemplateCsv, spendingTemplateXlsx } from './spending-template';
import { findPeriod } from './spending-versions';

export type TemplateFormat = 'xlsx' | 'csv';

export interface TemplateRequest {
  editionCode: string;
  cutoffDate: string;
  format: TemplateFormat;
  /** Pre-fill the period's current figures (latest version), to correct them or check a round trip. */
  withFigures: boolean;
}

export interface TemplateFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

const CONTENT_TYPES: Record<TemplateFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** The template of a period's spending extract: the whole catalogue, optionally with its figures. */
export async function spendingTemplate(em: EntityManager, enteId: string, request: TemplateRequest): Promise<TemplateFile> {
  const period = await findPeriod(em, enteId, request.editionCode, request.cutoffDate);
  const [catalogue, rows, ente] = await Promise.all([
    loadCatalogue(em),
    request.withFigures ? latestSpendingRows(em, period.id) : Promise.resolve([]),
    em.findOneOrFail(Ente, enteId),
  ]);
  const input = {
    title: `Spese per Missioni e Programmi al ${italianDate(request.cutoffDate)} — ${ente.name}`,
    programmes: catalogue.list.map((p) => ({ id: p.id, missionName: p.mission.getEntity().name ?? null, programmeName: p.name })),
    figures: rows.map((r) => ({ programmeId: r.programme.id, amounts: amountsOf(r) })),
  };
  const bytes = request.format === 'xlsx' ? await spendingTemplateXlsx(input) : spendingTemplateCsv(input);
  return { fileName: `spese-${request.cutoffDate}-modello.${request.format}`, contentType: CONTENT_TYPES[request.format], bytes };
}
