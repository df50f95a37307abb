/**
 * Heuristics that read meaning into free-text indicator names and results. They are deliberately
 * conservative: a value is parsed only when the whole result is a number.
 */
import type { IndicatorKind, Polarity, ResultStatus } from '../../dataset/plan-dataset';

export const DEFERRED_TO = '2020-12-31';

export interface ResultReading {
  status: ResultStatus;
  value?: string;
  unit?: string;
  deferredTo?: string;
}

const DEFERRAL = /^(?:Rendicontazione|Dato disponibile)(?: completa)? al 31[./]12[./]2020\.?$/i;
const NOT_YET = /^(?:Indicatore relativo al 2021 e 2022|Da realizzare a partire dal 2021)\.?$/i;
const SUSPENDED = /^Sospes[ao]\b/i;
/** Italian integer with optional thousands dots, optional decimal comma. */
const ITALIAN_NUMBER = '(\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:,(\\d+))?';

export function classifyResult(text: string): ResultReading {
  const t = text.trim();
  if (t === '') return { status: 'EMPTY' };
  if (DEFERRAL.test(t)) return { status: 'DEFERRED', deferredTo: DEFERRED_TO };
  if (NOT_YET.test(t)) return { status: 'NOT_YET_APPLICABLE' };
  if (SUSPENDED.test(t)) return { status: 'SUSPENDED' };
  const count = new RegExp(`^(?:N\\.?\\s*)?${ITALIAN_NUMBER}$`).exec(t);
  if (count) return { status: 'REPORTED', value: italianToDecimal(count[1], count[2]) };
  const area = new RegExp(`^${ITALIAN_NUMBER}\\s*(mq)\\.?$`, 'i').exec(t);
  if (area) return { status: 'REPORTED', value: italianToDecimal(area[1], area[2]), unit: 'mq' };
  return { status: 'REPORTED' };
}

function italianToDecimal(integerPart: string, decimals: string | undefined): string {
  const int = integerPart.replace(/\./g, '').replace(/^0+(?=\d)/, '');
  return decimals ? `${int}.${decimals}` : int;
}

const MILESTONE = /^(Elaborazione|Approvazione|Costituzione|Adozione|Predisposizione|Redazione|Istituzione|Revisione)\b/;
/** Counts where fewer is the goal; everything else follows the brief's "higher is better". */
const LOWER_IS_BETTER = /incidenti|giorni per rispondere/i;

export interface IndicatorReading {
  kind: IndicatorKind;
  polarity: Polarity;
  unit?: string;
}

export function classifyIndicator(name: string): IndicatorReading {
  const n = name.trim();
  let kind: IndicatorKind = 'TEXT';
  let unit: string | undefined;
  if (/^(N\.|N\s|n\.|Numero\b)/.test(n)) kind = 'COUNT';
  else if (/^%/.test(n)) {
    kind = 'PERCENTAGE';
    unit = '%';
  } else if (/^Mq\b/i.test(n)) {
    kind = 'AREA';
    unit = 'mq';
  } else if (MILESTONE.test(n)) kind = 'MILESTONE';
  let polarity: Polarity = 'NONE';
  if (kind === 'COUNT' || kind === 'PERCENTAGE') polarity = LOWER_IS_BETTER.test(n) ? 'LOWER_IS_BETTER' : 'HIGHER_IS_BETTER';
  return unit ? { kind, polarity, unit } : { kind, polarity };
}
