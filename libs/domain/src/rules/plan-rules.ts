/**
 * Invariants of the plan that hold whoever writes it (the seed loader, the status-entry
 * service, an import). Each violation is an Italian message with a stable code.
 */
export class PlanRuleViolation extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly where: string,
  ) {
    super(`${message} (${where}) [${code}]`);
    this.name = 'PlanRuleViolation';
  }
}

export function assertOperationalUnderStrategic(opCode: string, soCode: string): void {
  if (!opCode.startsWith(`${soCode}.`)) {
    throw new PlanRuleViolation('OP_CODE_MISMATCH', `Il codice dell'obiettivo operativo ${opCode} non appartiene all'obiettivo strategico ${soCode}`, opCode);
  }
}

export function assertStrategicUnderLine(soCode: string, lineNumber: number): void {
  if (Number(soCode.split('.')[0]) !== lineNumber) {
    throw new PlanRuleViolation('SO_CODE_MISMATCH', `Il codice dell'obiettivo strategico ${soCode} non appartiene alla linea di mandato ${lineNumber}`, soCode);
  }
}

export function assertAtMostOneLead(rows: readonly { lead: boolean }[], where: string): void {
  if (rows.filter((r) => r.lead).length > 1) {
    throw new PlanRuleViolation('MULTIPLE_LEADS', 'Una finalità può avere un solo settore capofila', where);
  }
}

export function assertYearsWithinEdition(years: readonly number[], startYear: number, endYear: number, where: string): void {
  for (const year of years) {
    if (!Number.isInteger(year) || year < startYear || year > endYear) {
      throw new PlanRuleViolation('YEAR_OUT_OF_EDITION', `L'anno ${year} è fuori dal triennio ${startYear}-${endYear}`, where);
    }
  }
  if (new Set(years).size !== years.length) {
    throw new PlanRuleViolation('YEAR_REPEATED', 'Un anno è indicato più volte', where);
  }
}

export function assertDepartmentRowTarget(row: { departmentCode?: string; allDepartmentsLabel?: string }, where: string): void {
  if (Boolean(row.departmentCode) === Boolean(row.allDepartmentsLabel)) {
    throw new PlanRuleViolation('DEPARTMENT_ROW_TARGET', 'Ogni riga dei settori coinvolti indica un settore oppure "tutti i settori", non entrambi', where);
  }
}

export function assertNonNegativeAmount(value: string, field: string, where: string): void {
  if (!/^\d+(\.\d{1,2})?$/.test(value)) {
    throw new PlanRuleViolation('AMOUNT_INVALID', `Importo non valido per ${field}: "${value}" (atteso un numero non negativo con al più due decimali)`, where);
  }
}

export function assertPercent(value: number | undefined, where: string): void {
  if (value !== undefined && (!Number.isFinite(value) || value < 0 || value > 100)) {
    throw new PlanRuleViolation('PERCENT_OUT_OF_RANGE', `La percentuale deve essere tra 0 e 100, ricevuto ${value}`, where);
  }
}
