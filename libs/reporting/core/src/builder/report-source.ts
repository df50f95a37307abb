import { REPORT_TEXT_KEYS, type ReportTextKeyValue, type SpendingAmounts } from '@dup/domain/values';
import type { IsoDate, ReportScope } from '../model/report-model';

/**
 * What the builder reads: plain data, no entities and no database. The API's edition read
 * model (plan-read's EditionTree) satisfies the plan part structurally; the delivery layer adds
 * the spending rows, the configurable texts and the scope.
 */

export interface SourceAct {
  body: string;
  kind: string;
  number: string;
  date: IsoDate;
  subject: string;
}

export interface SourceEditionAct {
  role: string;
  note: string | null;
  act: SourceAct;
}

export interface SourceAmendment {
  effectiveDate: IsoDate;
  description: string;
  act: SourceAct;
}

export interface SourceDepartment {
  code: string;
  name: string;
}

export interface SourceGoalDepartment {
  position: number;
  department: SourceDepartment | null;
  allDepartments: boolean;
  allDepartmentsLabel: string | null;
  printedName: string;
  lead: boolean;
  years: number[];
  note: string | null;
}

export interface SourceGoalStatus {
  period: IsoDate;
  narrative: string;
  asOfLabel: string;
  declaredState: string | null;
  percentComplete: string | null;
  deferredTo: IsoDate | null;
  deferralText: string | null;
}

export interface SourceGoal {
  id: string;
  position: number;
  title: string;
  description: string;
  /** Heading of the departments column as printed; null for the standard "Settori coinvolti". */
  departmentsHeading: string | null;
  departments: SourceGoalDepartment[];
  statusList: SourceGoalStatus[];
}

export interface SourceIndicatorResult {
  period: IsoDate;
  text: string;
  value: string | null;
  unit: string | null;
  status: string;
  deferredTo: IsoDate | null;
}

export interface SourceIndicatorTarget {
  year: number;
  comparator: string | null;
  value: string | null;
  unit: string | null;
  text: string | null;
}

export interface SourceIndicator {
  id: string;
  position: number;
  name: string;
  unit: string | null;
  kind: string;
  polarity: string;
  groupLabel: string | null;
  goalPosition: number | null;
  targets: SourceIndicatorTarget[];
  resultList: SourceIndicatorResult[];
}

export interface SourceMission {
  code: string;
  name: string | null;
}

export interface SourceProgramme {
  id: string;
  code: string;
  name: string;
  mission: SourceMission;
}

export interface SourceOwner {
  role: string;
  personName: string | null;
}

export interface SourceOperationalObjective {
  id: string;
  code: string;
  title: string;
  alternateTitles: string[];
  ownerLabel: string;
  goalsHeading: string | null;
  owners: SourceOwner[];
  programmes: SourceProgramme[];
  goals: SourceGoal[];
  indicators: SourceIndicator[];
  introducedBy: SourceAmendment | null;
  /** The amendment that retired the objective, if any (see the domain's inForceAt). */
  retiredBy?: SourceAmendment | null;
}

export interface SourceStrategicObjective {
  id: string;
  code: string;
  title: string;
  alternateTitles: string[];
  description: string;
  partecipate: string | null;
  lineNumber: number;
  missions: SourceMission[];
  operationalObjectives: SourceOperationalObjective[];
  introducedBy: SourceAmendment | null;
  /** The amendment that retired the objective, if any (see the domain's inForceAt). */
  retiredBy?: SourceAmendment | null;
}

export interface SourceMandateLine {
  number: number;
  title: string;
  alternateTitles: string[];
  description: string;
  directions: { position: number; text: string }[];
  strategicObjectives: SourceStrategicObjective[];
}

export interface SourcePlan {
  ente: { name: string; istatCode: string; issuingOffice: string[] };
  mandate: { title: string; startYear: number; endYear: number; mayor: string; approvedBy: SourceAct | null };
  acts: SourceEditionAct[];
  amendments: SourceAmendment[];
  mandateLines: SourceMandateLine[];
}

export interface SourceEdition {
  code: string;
  title: string;
  startYear: number;
  endYear: number;
}

export interface SourcePeriod {
  cutoffDate: IsoDate;
  kind: string;
  state: string;
  /** The council act that approved the period's report, when approved: printed on the cover. */
  approvedBy?: SourceAct | null;
}

/** A member in the roll call of the council session. */
export interface SourceCouncilMember {
  position: number;
  name: string;
  /** SINDACO, PRESIDENTE, CONSIGLIERE. */
  role: string;
  present: boolean;
  /** IN_PERSON, REMOTE, or null. */
  attendanceMode: string | null;
  teller: boolean;
}

export interface SourceCouncilMotion {
  position: number;
  /** DELIBERATION, IMMEDIATE_EXECUTABILITY, OTHER. */
  kind: string;
  description: string;
  /** APPROVED, REJECTED. */
  outcome: string;
  outcomeText: string;
  /** One per member: the member's roll-call position and the VoteChoice value. */
  votes: { memberPosition: number; choice: string }[];
}

/**
 * The minutes of the council session that approved the period's status report (the act in
 * `act`), printed as the report's opening section.
 */
export interface SourceCouncilSession {
  act: SourceAct;
  heldOn: IsoDate;
  startTime: string | null;
  /** ORDINARIA, STRAORDINARIA, URGENTE. */
  kind: string;
  venue: string;
  remoteAttendance: string | null;
  presidentName: string;
  secretaryRole: string;
  secretaryName: string;
  members: SourceCouncilMember[];
  motions: SourceCouncilMotion[];
  signatories: { role: string; name: string }[];
}

/** One programme row of the spending table, with the catalogue labels. */
export interface SourceSpendingRow {
  missionCode: string;
  missionName: string | null;
  programmeCode: string;
  programmeName: string;
  amounts: SpendingAmounts;
}

/**
 * Configurable texts of the report (Markdown). The delivery layer resolves each key from the
 * period's own text, then the edition's, then the shipped default (reports/texts).
 */
export { REPORT_TEXT_KEYS };
export type ReportTextKey = ReportTextKeyValue;
export type ReportTexts = Record<ReportTextKey, string>;

export interface ReportSource {
  plan: SourcePlan;
  edition: SourceEdition;
  period: SourcePeriod;
  spending: SourceSpendingRow[];
  texts: ReportTexts;
  scope: ReportScope;
  /** Department names by code, to label a department scope. */
  departments: SourceDepartment[];
  dataVersion: string | null;
  generatedAt: string;
  /** The approving council session's minutes, when the period is approved and they are recorded. */
  councilSession?: SourceCouncilSession | null;
}
