/**
 * Which department rows of a goal report its status. The document marks the lead department
 * (*capofila*) when several departments share a goal; when it lists a single department it marks
 * none, because that department is the only one responsible (Livorno: 100 of 229 goals). So the
 * reporting lead is the marked capofila, else the only department listed; a goal listing several
 * departments and no capofila has none, and the planning office reports it.
 *
 * The printed `lead` flag stays as the document has it: the report reproduces it verbatim.
 */
export function reportingLeadRows<R extends { lead: boolean }>(rows: readonly R[], namesDepartment: (row: R) => boolean): R[] {
  const marked = rows.filter((r) => r.lead);
  if (marked.length) return marked;
  const named = rows.filter(namesDepartment);
  return named.length === 1 && rows.length === 1 ? named : [];
}

export function isReportingLead<R extends { lead: boolean }>(row: R, rows: readonly R[], namesDepartment: (row: R) => boolean): boolean {
  return reportingLeadRows(rows, namesDepartment).includes(row);
}
