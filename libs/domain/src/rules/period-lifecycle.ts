import type { EntityManager } from '@mikro-orm/core';
import { Role } from '../access/role';
import { PeriodState } from '../enums';

/**
 * Allowed forward transitions, all by the planning office: OPEN → COLLECTION_CLOSED → IN_REVIEW →
 * NOTED_BY_GIUNTA (with the Giunta's act) → APPROVED_BY_COUNCIL (with the council's act). There is
 * no step back: going back is a reopening (REOPENABLE_STATES), by an administrator, with a reason,
 * and it starts a new revision of the period so that what an act referred to stays on record.
 */
export const PERIOD_TRANSITIONS: Record<PeriodState, readonly PeriodState[]> = {
  [PeriodState.PLANNED]: [PeriodState.OPEN],
  [PeriodState.OPEN]: [PeriodState.COLLECTION_CLOSED],
  [PeriodState.COLLECTION_CLOSED]: [PeriodState.IN_REVIEW],
  [PeriodState.IN_REVIEW]: [PeriodState.NOTED_BY_GIUNTA],
  [PeriodState.NOTED_BY_GIUNTA]: [PeriodState.APPROVED_BY_COUNCIL],
  [PeriodState.APPROVED_BY_COUNCIL]: [],
};

/** States an administrator may reopen (back to OPEN, as a new revision). */
export const REOPENABLE_STATES: readonly PeriodState[] = [
  PeriodState.COLLECTION_CLOSED,
  PeriodState.IN_REVIEW,
  PeriodState.NOTED_BY_GIUNTA,
  PeriodState.APPROVED_BY_COUNCIL,
];

/**
 * Who may still write a period's data (statuses, results, contributions, submissions) in each
 * state. Department heads only while collection is open; the planning office until the Giunta
 * takes note: from then on the data is what a formal act refers to, and only a reopening (a new
 * revision) changes it.
 */
export const PERIOD_DATA_WRITERS: Record<PeriodState, readonly Role[]> = {
  [PeriodState.PLANNED]: [],
  [PeriodState.OPEN]: [Role.PLANNING_OFFICE, Role.DEPARTMENT_HEAD],
  [PeriodState.COLLECTION_CLOSED]: [Role.PLANNING_OFFICE],
  [PeriodState.IN_REVIEW]: [Role.PLANNING_OFFICE],
  [PeriodState.NOTED_BY_GIUNTA]: [],
  [PeriodState.APPROVED_BY_COUNCIL]: [],
};

/**
 * Injection token of the service told when a period has been approved (the API freezes the
 * period's reports then). The write side calls it after the approval committed; it is optional,
 * so the write side does not depend on reporting.
 */
export const PERIOD_APPROVAL_LISTENER = 'PERIOD_APPROVAL_LISTENER';

export interface PeriodApprovalListener {
  periodApproved(em: EntityManager, enteId: string, editionCode: string, cutoffDate: string): Promise<void>;
}
