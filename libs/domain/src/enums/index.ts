/**
 * Closed vocabularies of the domain. Values are stable identifiers stored in PostgreSQL
 * (checked there) and exposed as GraphQL enums; the Italian labels shared by the report and the
 * API are in ../labels.ts, the others with the renderers.
 */

export enum ActBody {
  CONSIGLIO = 'CONSIGLIO',
  GIUNTA = 'GIUNTA',
  SINDACO = 'SINDACO',
  DIRIGENTE = 'DIRIGENTE',
  SEGRETARIO = 'SEGRETARIO',
  ALTRO = 'ALTRO',
}

export enum ActKind {
  DELIBERAZIONE = 'DELIBERAZIONE',
  DECISIONE = 'DECISIONE',
  DETERMINAZIONE = 'DETERMINAZIONE',
  DECRETO = 'DECRETO',
  ORDINANZA = 'ORDINANZA',
  ALTRO = 'ALTRO',
}

/** What an act did to a plan edition. */
export enum EditionActRole {
  DRAFT = 'DRAFT',
  APPROVAL = 'APPROVAL',
  REAPPROVAL = 'REAPPROVAL',
  POLICY = 'POLICY',
  STATUS_REPORT_NOTE = 'STATUS_REPORT_NOTE',
  STATUS_REPORT_APPROVAL = 'STATUS_REPORT_APPROVAL',
  OTHER = 'OTHER',
}

export enum DepartmentKind {
  SETTORE = 'SETTORE',
  DIPARTIMENTO = 'DIPARTIMENTO',
  DIREZIONE = 'DIREZIONE',
  ALTRO = 'ALTRO',
}

export enum OwnerRole {
  SINDACO = 'SINDACO',
  VICE_SINDACO = 'VICE_SINDACO',
  ASSESSORE = 'ASSESSORE',
  GIUNTA = 'GIUNTA',
  CONSIGLIERE_DELEGATO = 'CONSIGLIERE_DELEGATO',
  ALTRO = 'ALTRO',
}

export enum PeriodKind {
  MID_YEAR = 'MID_YEAR',
  YEAR_END = 'YEAR_END',
}

/** Life cycle of a reporting period, from planning to the council's approval. */
export enum PeriodState {
  PLANNED = 'PLANNED',
  OPEN = 'OPEN',
  /** Data collection is over: department heads can no longer write; the planning office can. */
  COLLECTION_CLOSED = 'COLLECTION_CLOSED',
  IN_REVIEW = 'IN_REVIEW',
  NOTED_BY_GIUNTA = 'NOTED_BY_GIUNTA',
  APPROVED_BY_COUNCIL = 'APPROVED_BY_COUNCIL',
}

export enum DeclaredState {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  DEFERRED = 'DEFERRED',
  SUSPENDED = 'SUSPENDED',
  CANCELLED = 'CANCELLED',
}

export enum IndicatorKind {
  COUNT = 'COUNT',
  PERCENTAGE = 'PERCENTAGE',
  AMOUNT = 'AMOUNT',
  AREA = 'AREA',
  DATE = 'DATE',
  MILESTONE = 'MILESTONE',
  TEXT = 'TEXT',
}

export enum Polarity {
  HIGHER_IS_BETTER = 'HIGHER_IS_BETTER',
  LOWER_IS_BETTER = 'LOWER_IS_BETTER',
  TARGET_IS_BEST = 'TARGET_IS_BEST',
  NONE = 'NONE',
}

export enum Comparator {
  GE = 'GE',
  GT = 'GT',
  LE = 'LE',
  LT = 'LT',
  EQ = 'EQ',
}

export enum ResultStatus {
  REPORTED = 'REPORTED',
  DEFERRED = 'DEFERRED',
  NOT_YET_APPLICABLE = 'NOT_YET_APPLICABLE',
  SUSPENDED = 'SUSPENDED',
  EMPTY = 'EMPTY',
}

/** A department's submission of its goals for the planning office's review. */
export enum ReviewState {
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  ACCEPTED = 'ACCEPTED',
}

/** How the council was convened (art. 39 TUEL and the council's rules). */
export enum CouncilSessionKind {
  ORDINARIA = 'ORDINARIA',
  STRAORDINARIA = 'STRAORDINARIA',
  URGENTE = 'URGENTE',
}

/** A council member's office in a session: the mayor sits in the council, the president chairs it. */
export enum CouncilMemberRole {
  SINDACO = 'SINDACO',
  PRESIDENTE = 'PRESIDENTE',
  CONSIGLIERE = 'CONSIGLIERE',
}

/** Where a present member took part from (in the council hall, or by videoconference). */
export enum AttendanceMode {
  IN_PERSON = 'IN_PERSON',
  REMOTE = 'REMOTE',
}

/** What a council vote decided: the deliberation itself, or its immediate executability (art. 134 c. 4 TUEL). */
export enum MotionKind {
  DELIBERATION = 'DELIBERATION',
  IMMEDIATE_EXECUTABILITY = 'IMMEDIATE_EXECUTABILITY',
  OTHER = 'OTHER',
}

export enum MotionOutcome {
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

/** One member's vote on a motion, as the roll-call table prints it. */
export enum VoteChoice {
  FAVOURABLE = 'FAVOURABLE',
  AGAINST = 'AGAINST',
  ABSTAINED = 'ABSTAINED',
  ABSENT = 'ABSENT',
}
