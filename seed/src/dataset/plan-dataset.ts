/**
 * The versioned, normalised shape of a plan dataset as stored under `seed/data/<name>/`.
 *
 * A dataset is what an importer produces from a source document and what the loader writes
 * into the database. Every cross-reference uses a natural key (codes, numbers, orders), never
 * a database id, so that a dataset is reviewable as a diff and loading it is idempotent.
 *
 * Money and parsed numeric values are decimal strings ("1234.56"), never JS numbers.
 */

import type { ReportTextKeyValue } from '@dup/domain';

export const PLAN_DATASET_FORMAT_VERSION = 1 as const;

/** ISO date, `yyyy-mm-dd`. */
export type IsoDate = string;
/** Decimal number as a string with `.` as separator and no grouping, e.g. `"475193437.97"`. */
export type DecimalString = string;
/** Markdown text (CommonMark). */
export type Markdown = string;

export type ActBody = 'CONSIGLIO' | 'GIUNTA' | 'SINDACO' | 'DIRIGENTE' | 'SEGRETARIO' | 'ALTRO';
export type ActKind = 'DELIBERAZIONE' | 'DECISIONE' | 'DETERMINAZIONE' | 'DECRETO' | 'ORDINANZA' | 'ALTRO';

export interface ActData {
  /** Natural key inside the dataset, e.g. `CC-122-2019`, `GC-794-2019`, `GCDEC-253-2020`. */
  key: string;
  body: ActBody;
  kind: ActKind;
  number: string;
  date: IsoDate;
  subject: string;
}

export interface EnteData {
  name: string;
  /** ISTAT municipality code (6 digits, e.g. Livorno `049009`). */
  istatCode: string;
  /** Issuing-office block printed on report covers, one line per entry. */
  issuingOffice: string[];
}

export interface MandateData {
  title: string;
  startYear: number;
  endYear: number;
  mayor: string;
  approvedByActKey: string;
}

export interface MandateLineData {
  number: number;
  /** Title as written in the chapter 3 heading (the body). */
  title: string;
  /** Other wordings of the title (chapter 1 list), verbatim. */
  alternateTitles: string[];
  description: Markdown;
  /** Strategic directions (indirizzi strategici), in document order. */
  directions: string[];
}

export type EditionActRole = 'DRAFT' | 'APPROVAL' | 'REAPPROVAL' | 'POLICY' | 'STATUS_REPORT_NOTE' | 'STATUS_REPORT_APPROVAL' | 'OTHER';

export interface EditionActData {
  actKey: string;
  role: EditionActRole;
  note?: string;
}

export interface AmendmentData {
  actKey: string;
  effectiveDate: IsoDate;
  description: string;
  /** Strategic / operational objective codes this amendment introduces. */
  addsStrategicObjectives: string[];
  addsOperationalObjectives: string[];
}

export interface EditionData {
  /** e.g. `2020-2022`. */
  code: string;
  title: string;
  startYear: number;
  endYear: number;
  acts: EditionActData[];
  amendments: AmendmentData[];
}

export type DepartmentKind = 'SETTORE' | 'DIPARTIMENTO' | 'DIREZIONE' | 'ALTRO';

export interface DepartmentData {
  /** Stable short code, e.g. `AMB_MOB`. */
  code: string;
  name: string;
  kind: DepartmentKind;
  /** Spelling variants seen in sources, verbatim, excluding `name` itself. */
  aliases: string[];
}

export type OwnerRole = 'SINDACO' | 'VICE_SINDACO' | 'ASSESSORE' | 'GIUNTA' | 'CONSIGLIERE_DELEGATO' | 'ALTRO';

export interface PoliticalOwnerData {
  /** Natural key, e.g. `ASSESSORE:Silvia Viviani`, `GIUNTA`. */
  key: string;
  role: OwnerRole;
  /** Person's name; absent for a collective owner (the Giunta). */
  personName?: string;
}

export interface ProgrammeRef {
  /** Two digits, e.g. `01`. */
  mission: string;
  /** Two digits, e.g. `06`. */
  programme: string;
}

export interface StrategicObjectiveData {
  /** e.g. `1.01`. */
  code: string;
  lineNumber: number;
  title: string;
  alternateTitles: string[];
  description: Markdown;
  /** Mission codes, two digits, in document order. */
  missions: string[];
  /** Text about public-owned companies involved, verbatim, when present. */
  partecipate?: string;
  /** Present when the objective was added by an amendment after the period being reported. */
  introducedByActKey?: string;
}

export interface OperationalObjectiveData {
  /** e.g. `1.01.01`. */
  code: string;
  strategicCode: string;
  title: string;
  alternateTitles: string[];
  /** Owner keys in document order. */
  ownerKeys: string[];
  /** The owner wording exactly as printed, e.g. `Assessore Silvia Viviani`. */
  ownerLabel: string;
  programmes: ProgrammeRef[];
  /** Heading label introducing the goals, when it differs from the standard one. */
  goalsHeading?: string;
  introducedByActKey?: string;
}

export interface GoalDepartmentData {
  /** Department code; absent for the "all departments" entry. */
  departmentCode?: string;
  /** For the "all departments" entry: the wording as printed, e.g. `Tutti i settori dell'Ente`. */
  allDepartmentsLabel?: string;
  /** The department wording exactly as printed in this row. */
  printedName: string;
  lead: boolean;
  /** Years in which this department is active on the goal. */
  years: number[];
  /** Free annotation printed in the row, e.g. `Comuni di Livorno, Collesalveti, Capraia`. */
  note?: string;
}

export interface GoalData {
  opCode: string;
  /** 1-based order inside its operational objective. */
  order: number;
  title: string;
  description: Markdown;
  /** Heading of the departments column as printed, when it differs from `Settori coinvolti`. */
  departmentsHeading?: string;
  departments: GoalDepartmentData[];
}

export type IndicatorKind = 'COUNT' | 'PERCENTAGE' | 'AMOUNT' | 'AREA' | 'DATE' | 'MILESTONE' | 'TEXT';
export type Polarity = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER' | 'TARGET_IS_BEST' | 'NONE';
export type Comparator = 'GE' | 'GT' | 'LE' | 'LT' | 'EQ';

export interface IndicatorTargetData {
  year: number;
  comparator?: Comparator;
  value?: DecimalString;
  unit?: string;
  text?: string;
}

export interface IndicatorData {
  opCode: string;
  /** 1-based order inside its operational objective (across blocks). */
  order: number;
  /** The goal this indicator is printed under or grouped with, when the document says so. */
  goalOrder?: number;
  /** A group heading printed above this indicator, verbatim (e.g. in 9.02.15). */
  groupLabel?: string;
  name: string;
  unit?: string;
  kind: IndicatorKind;
  polarity: Polarity;
  targets: IndicatorTargetData[];
}

export type PeriodKind = 'MID_YEAR' | 'YEAR_END';
export type PeriodState = 'PLANNED' | 'OPEN' | 'COLLECTION_CLOSED' | 'IN_REVIEW' | 'NOTED_BY_GIUNTA' | 'APPROVED_BY_COUNCIL';

export interface PeriodData {
  /** Cut-off date, also the period's key, e.g. `2020-06-30`. */
  cutoffDate: IsoDate;
  kind: PeriodKind;
  state: PeriodState;
  notedByActKey?: string;
  approvedByActKey?: string;
}

export type DeclaredState = 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED' | 'DEFERRED' | 'SUSPENDED' | 'CANCELLED';

export interface GoalStatusData {
  opCode: string;
  goalOrder: number;
  period: IsoDate;
  /** Narrative, Markdown; empty only for a deferral with no text. */
  narrative: Markdown;
  /** The as-of wording as printed, e.g. `al 30/06/2020`, `ad agosto 2020`. */
  asOfLabel: string;
  declaredState?: DeclaredState;
  percentComplete?: number;
  /** Cut-off date of the later period the reporting is deferred to. */
  deferredTo?: IsoDate;
  /** The deferral sentence as printed, when deferred. */
  deferralText?: string;
}

export type ResultStatus = 'REPORTED' | 'DEFERRED' | 'NOT_YET_APPLICABLE' | 'SUSPENDED' | 'EMPTY';

export interface IndicatorResultData {
  opCode: string;
  indicatorOrder: number;
  period: IsoDate;
  /** Verbatim text as reported (Markdown only where the source had a list). */
  text: string;
  /** Parsed value, only where unambiguous. */
  value?: DecimalString;
  unit?: string;
  status: ResultStatus;
  deferredTo?: IsoDate;
}

export interface SpendingRowData {
  period: IsoDate;
  mission: string;
  programme: string;
  assestato: DecimalString;
  impegnato: DecimalString;
  liquidatoCompetenza: DecimalString;
  residuiPassivi: DecimalString;
  liquidatoResidui: DecimalString;
}

/**
 * A configurable text of the status report (Markdown): chapter prose that is not computed from
 * the plan. `period` null applies to every period of the edition; a period's own text wins.
 */
export interface ReportTextData {
  key: ReportTextKeyValue;
  period: IsoDate | null;
  markdown: Markdown;
}

export type CouncilSessionKind = 'ORDINARIA' | 'STRAORDINARIA' | 'URGENTE';
export type CouncilMemberRole = 'SINDACO' | 'PRESIDENTE' | 'CONSIGLIERE';
export type AttendanceMode = 'IN_PERSON' | 'REMOTE';
export type MotionKind = 'DELIBERATION' | 'IMMEDIATE_EXECUTABILITY' | 'OTHER';
export type MotionOutcome = 'APPROVED' | 'REJECTED';
export type VoteChoice = 'FAVOURABLE' | 'AGAINST' | 'ABSTAINED' | 'ABSENT';

/** A member in the roll call of a council session. */
export interface CouncilMemberData {
  /** The "N." of the roll-call table. */
  position: number;
  /** As the vote tables print it, surname first: also the key the votes use. */
  name: string;
  role: CouncilMemberRole;
  present: boolean;
  attendanceMode?: AttendanceMode;
  teller: boolean;
}

export interface CouncilMotionData {
  position: number;
  kind: MotionKind;
  /** What was put to the vote, as the minutes say it. */
  description: string;
  outcome: MotionOutcome;
  /** The proclamation, verbatim. */
  outcomeText: string;
  /** One per member, in roll-call order. */
  votes: { memberName: string; choice: VoteChoice }[];
}

/** The minutes of the council session that adopted an act (attendance, votes, signatures). */
export interface CouncilSessionData {
  actKey: string;
  heldOn: IsoDate;
  /** `HH:MM`. */
  startTime?: string;
  kind: CouncilSessionKind;
  venue: string;
  remoteAttendance?: string;
  presidentName: string;
  secretaryRole: string;
  secretaryName: string;
  members: CouncilMemberData[];
  motions: CouncilMotionData[];
  signatories: { role: string; name: string }[];
}

export interface PlanDataset {
  formatVersion: typeof PLAN_DATASET_FORMAT_VERSION;
  /** Provenance: file name and checksum of the source, importer version. */
  source: { document: string; sha256?: string; importer: string };
  ente: EnteData;
  acts: ActData[];
  mandate: MandateData;
  mandateLines: MandateLineData[];
  edition: EditionData;
  departments: DepartmentData[];
  politicalOwners: PoliticalOwnerData[];
  strategicObjectives: StrategicObjectiveData[];
  operationalObjectives: OperationalObjectiveData[];
  goals: GoalData[];
  indicators: IndicatorData[];
  periods: PeriodData[];
  goalStatuses: GoalStatusData[];
  indicatorResults: IndicatorResultData[];
  spending: SpendingRowData[];
  /** Optional: report texts; missing keys fall back to the shipped defaults. */
  reportTexts?: ReportTextData[];
  /** Optional: the minutes of the council sessions that adopted the dataset's acts. */
  councilSessions?: CouncilSessionData[];
}
