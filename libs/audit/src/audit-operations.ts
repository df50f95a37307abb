/**
 * Every operation the application records in the audit trail, with the Italian wording people
 * read in the "Registro" screen. The codes are stored verbatim in `audit_entry.operation`; a test
 * checks that each code written by the sources has a label here.
 */
export const AUDIT_OPERATION_LABELS: Readonly<Record<string, string>> = {
  OPEN_PERIOD: 'Apertura del periodo di rendicontazione',
  SET_PERIOD_STATE: 'Stato del periodo di rendicontazione',
  REOPEN_PERIOD: 'Riapertura del periodo (nuova revisione)',
  LOAD_SPENDING_EXTRACT: 'Caricamento delle spese per missioni e programmi',
  CREATE_ACT: 'Registrazione di un atto',
  SET_GOAL_STATUS: 'Stato di attuazione della finalità',
  ADD_GOAL_CONTRIBUTION: 'Contributo di un settore coinvolto',
  RECORD_INDICATOR_RESULT: "Risultato dell'indicatore",
  SET_INDICATOR_TARGETS: "Valori attesi dell'indicatore",
  SUBMIT_FOR_REVIEW: 'Invio alla revisione',
  REVIEW_ACCEPT: 'Revisione: finalità accettate',
  REVIEW_RETURN: 'Revisione: finalità restituite al settore',
  CREATE_AMENDMENT: 'Registrazione di una variazione del DUP',
  ADD_OBJECTIVE: 'Aggiunta di un obiettivo',
  UPDATE_OBJECTIVE: 'Modifica di un obiettivo',
  RETIRE_OBJECTIVE: 'Soppressione di un obiettivo',
  ADD_GOAL: 'Aggiunta di una finalità',
  UPDATE_GOAL: 'Modifica di una finalità',
  ADD_INDICATOR: 'Aggiunta di un indicatore',
  CREATE_EDITION: 'Creazione di una nuova edizione del DUP',
  SET_REPORT_TEXT: 'Testo del rapporto sullo stato di attuazione',
  CREATE_USER: 'Creazione di un utente',
  UPDATE_USER: 'Modifica di un utente',
  SET_USER_ACTIVE: 'Attivazione o disattivazione di un utente',
  SET_USER_DEPARTMENTS: 'Settori assegnati a un dirigente',
  RESET_USER_PASSWORD: "Reimpostazione della password da parte dell'amministratore",
  CHANGE_PASSWORD: 'Cambio della propria password',
  CREATE_API_TOKEN: 'Creazione di un token API',
  REVOKE_API_TOKEN: 'Revoca di un token API',
};

/** The Italian label of an operation; codes recorded by older versions fall back to the code. */
export function auditOperationLabel(code: string): string {
  return AUDIT_OPERATION_LABELS[code] ?? `Operazione ${code}`;
}

/** The operations in the order the UI offers them (alphabetical by label). */
export function auditOperations(): { code: string; label: string }[] {
  return Object.entries(AUDIT_OPERATION_LABELS)
    .map(([code, label]) => ({ code, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'it'));
}
