import type { DeclaredState, EditionActRole, ResultStatus } from './enums';

/*
 * Italian labels of the vocabularies a person reads both in the report and in the web
 * application (where the API's enum value descriptions carry them): one wording for both.
 */

export const DECLARED_STATE_LABELS: Readonly<Record<DeclaredState, string>> = {
  NOT_STARTED: 'Non avviata',
  IN_PROGRESS: 'In corso',
  COMPLETED: 'Conclusa',
  DEFERRED: 'Rinviata',
  SUSPENDED: 'Sospesa',
  CANCELLED: 'Annullata',
};

export const RESULT_STATUS_LABELS: Readonly<Record<ResultStatus, string>> = {
  REPORTED: 'Rendicontato',
  DEFERRED: 'Rinviato',
  NOT_YET_APPLICABLE: 'Non ancora applicabile',
  SUSPENDED: 'Sospeso',
  EMPTY: 'Non compilato',
};

export const EDITION_ACT_ROLE_LABELS: Readonly<Record<EditionActRole, string>> = {
  DRAFT: 'Approvazione da parte della Giunta',
  APPROVAL: 'Approvazione del Consiglio',
  REAPPROVAL: 'Nuova approvazione',
  POLICY: 'Atto di indirizzo',
  STATUS_REPORT_NOTE: "Presa d'atto dello stato di attuazione",
  STATUS_REPORT_APPROVAL: 'Approvazione dello stato di attuazione',
  OTHER: 'Modifica',
};
