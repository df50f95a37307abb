import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportModel } from '../../../model/report-model';

/**
 * The builder's golden model of Livorno's "Stato di attuazione al 30/06/2020" (about 180 printed
 * pages), written by the delivery layer's golden test. The realistic fixture for renderers.
 * `LIVORNO_MODEL_JSON` may point the tests at another copy of it.
 */
export const LIVORNO_MODEL_PATH = process.env['LIVORNO_MODEL_JSON'] || join(__dirname, '../../../../test-fixtures/livorno-2020-06-30.model.json');

export function hasLivornoModel(): boolean {
  return existsSync(LIVORNO_MODEL_PATH);
}

export function loadLivornoModel(): ReportModel {
  return JSON.parse(readFileSync(LIVORNO_MODEL_PATH, 'utf8')) as ReportModel;
}
