/**
 * Period states in which the Giunta has taken note of the status report: its content is final,
 * council members may read it, and the report is no longer a draft.
 */
export const PERIOD_STATES_NOTED_BY_GIUNTA = ['NOTED_BY_GIUNTA', 'APPROVED_BY_COUNCIL'] as const;

/** Whether a period's report is still a draft (the Giunta has not taken note of it yet). */
export const isDraftPeriodState = (state: string): boolean => !(PERIOD_STATES_NOTED_BY_GIUNTA as readonly string[]).includes(state);
