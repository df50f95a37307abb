import { PeriodState } from '../enums';

/**
 * Allowed period transitions. Forward: OPEN → IN_REVIEW → CLOSED → NOTED_BY_GIUNTA (with the
 * Giunta's act) → APPROVED_BY_COUNCIL (with the council's act). Backward only while no act has
 * been adopted on the report: IN_REVIEW → OPEN and CLOSED → OPEN reopen data entry (late
 * corrections); once the Giunta took note, the content is what an act refers to and is final.
 */
export const PERIOD_TRANSITIONS: Record<PeriodState, readonly PeriodState[]> = {
  [PeriodState.PLANNED]: [PeriodState.OPEN],
  [PeriodState.OPEN]: [PeriodState.IN_REVIEW],
  [PeriodState.IN_REVIEW]: [PeriodState.CLOSED, PeriodState.OPEN],
  [PeriodState.CLOSED]: [PeriodState.NOTED_BY_GIUNTA, PeriodState.OPEN],
  [PeriodState.NOTED_BY_GIUNTA]: [PeriodState.APPROVED_BY_COUNCIL],
  [PeriodState.APPROVED_BY_COUNCIL]: [],
};

