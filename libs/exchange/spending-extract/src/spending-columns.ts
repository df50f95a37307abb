import type { SpendingAmounts } from '@dup/domain';

export type AmountKey = keyof SpendingAmounts;

/** One column of the spending extract, as the template prints it and the import looks it up. */
export interface ExtractColumn {
  key: 'missionCode' | 'missionName' | 'programmeCode' | 'programmeName' | AmountKey;
  header: string;
  /** Other headings accepted on import (accounting systems name the columns their own way). */
  aliases: readonly string[];
  /** Names are informative: the import reads the codes and the amounts only. */
  required: boolean;
}

/** The columns of the template, in order; the import finds them by heading, in any order. */
export const EXTRACT_COLUMNS: readonly ExtractColumn[] = [
  { key: 'missionCode', header: 'Codice missione', aliases: ['missione cod', 'cod missione', 'codice missione'], required: true },
  { key: 'missionName', header: 'Missione', aliases: ['missione', 'descrizione missione'], required: false },
  { key: 'programmeCode', header: 'Codice programma', aliases: ['programma cod', 'cod programma', 'codice programma'], required: true },
  { key: 'programmeName', header: 'Programma', aliases: ['programma', 'descrizione programma'], required: false },
  { key: 'assestato', header: 'Assestato (A)', aliases: ['assestato', 'stanziamento assestato'], required: true },
  { key: 'impegnato', header: 'Impegnato (B)', aliases: ['impegnato', 'impegni'], required: true },
  { key: 'liquidatoCompetenza', header: 'Liquidato competenza (C)', aliases: ['liquidato competenza', 'liquidato in conto competenza'], required: true },
  { key: 'residuiPassivi', header: 'Residui passivi (D)', aliases: ['residui passivi', 'residui'], required: true },
  { key: 'liquidatoResidui', header: 'Liquidato residui (E)', aliases: ['liquidato residui', 'liquidato in conto residui'], required: true },
];

export const AMOUNT_COLUMNS = EXTRACT_COLUMNS.filter((c): c is ExtractColumn & { key: AmountKey } =>
  ['assestato', 'impegnato', 'liquidatoCompetenza', 'residuiPassivi', 'liquidatoResidui'].includes(c.key),
);

/** Heading as compared: lower case, single spaces, no accents-insensitive tricks needed. */
export const normaliseHeading = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** Spreadsheet column letter of a 0-based index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
