import type {
  AttendanceMode,
  CouncilMemberRole,
  CouncilSessionKind,
  DeclaredState,
  EditionActRole,
  MotionKind,
  MotionOutcome,
  ResultStatus,
  VoteChoice,
} from './enums';

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

export const COUNCIL_SESSION_KIND_LABELS: Readonly<Record<CouncilSessionKind, string>> = {
  ORDINARIA: 'Seduta ordinaria',
  STRAORDINARIA: 'Seduta straordinaria',
  URGENTE: "Seduta d'urgenza",
};

export const COUNCIL_MEMBER_ROLE_LABELS: Readonly<Record<CouncilMemberRole, string>> = {
  SINDACO: 'Sindaco',
  PRESIDENTE: 'Presidente del Consiglio',
  CONSIGLIERE: 'Consigliere',
};

export const ATTENDANCE_MODE_LABELS: Readonly<Record<AttendanceMode, string>> = {
  IN_PERSON: 'In aula consiliare',
  REMOTE: 'In videoconferenza',
};

export const MOTION_KIND_LABELS: Readonly<Record<MotionKind, string>> = {
  DELIBERATION: 'Votazione della deliberazione',
  IMMEDIATE_EXECUTABILITY: 'Votazione sulla immediata eseguibilità',
  OTHER: 'Altra votazione',
};

export const MOTION_OUTCOME_LABELS: Readonly<Record<MotionOutcome, string>> = {
  APPROVED: 'Approvata',
  REJECTED: 'Respinta',
};

/** The words of the roll-call tables. */
export const VOTE_CHOICE_LABELS: Readonly<Record<VoteChoice, string>> = {
  FAVOURABLE: 'Favorevole',
  AGAINST: 'Contrario',
  ABSTAINED: 'Astenuto',
  ABSENT: 'Assente',
};
