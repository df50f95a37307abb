/*
 * Italian wording of the errors graphql-js and Apollo Server raise on a client's mistake
 * (syntax, validation against the schema, variable and argument coercion, malformed HTTP
 * requests). Names from the request and the schema are quoted as they are; only the English
 * around them is replaced. The patterns follow graphql 16 and @apollo/server 5: the unit test
 * produces each message with the real libraries, so an upgrade that rewords one fails there.
 */

type Rule = [pattern: RegExp, italian: (m: RegExpExecArray) => string];

/** " Did you mean "a", "b", or "c"?" and its variants, as graphql-js's didYouMean writes them. */
function suggestion(tail: string | undefined): string {
  if (!tail) return '';
  const list = (s: string) => s.replace(/,? or /, ' o ');
  const fragment = /^ Did you mean to use an inline fragment on (.+)\?$/s.exec(tail);
  if (fragment) return ` Forse si intendeva usare un frammento inline su ${list(fragment[1])}?`;
  const enumValue = /^ Did you mean the enum value (.+)\?$/s.exec(tail);
  if (enumValue) return ` Forse si intendeva il valore ${list(enumValue[1])}?`;
  const names = /^ Did you mean (.+)\?$/s.exec(tail);
  return names ? ` Forse si intendeva ${list(names[1])}?` : tail;
}

/** A nested message (after "; "): translated when it is the frameworks', kept when it is ours. */
const inner = (message: string): string => translateFrameworkMessage(message) ?? message;

const ONE_ONLY: Record<string, string> = {
  argument: 'un solo argomento',
  variable: 'una sola variabile',
  fragment: 'un solo frammento',
  'input field': 'un solo campo di input',
  directive: 'una sola direttiva',
  operation: "una sola operazione",
};

/** Lexer token descriptions (getTokenDesc) in words. */
function token(desc: string): string {
  if (desc === '<EOF>') return 'la fine del testo';
  const named = /^(Name|String|BlockString|Int|Float|Comment) (".*")$/s.exec(desc);
  if (named) return `${{ Name: 'il nome', String: 'la stringa', BlockString: 'la stringa', Int: 'il numero', Float: 'il numero', Comment: 'il commento' }[named[1]]} ${named[2]}`;
  return { Name: 'un nome', String: 'una stringa', Int: 'un numero intero', Float: 'un numero' }[desc] ?? desc;
}

const SYNTAX: Rule[] = [
  [/^Expected (.+?), found (.+)\.$/s, (m) => `atteso ${token(m[1])}, trovato ${token(m[2])}.`],
  [/^Unexpected character: (.+)\.$/s, (m) => `carattere inatteso: ${m[1]}.`],
  [/^Unexpected single quote character/, () => 'apice singolo inatteso: per le stringhe usare le virgolette doppie (").'],
  [/^Unexpected (.+)\.$/s, (m) => `elemento inatteso: ${token(m[1])}.`],
  [/^Unterminated string\.$/, () => 'stringa non chiusa (manca la virgoletta finale).'],
  [/^Invalid number, /, () => 'numero scritto in modo non valido.'],
  [/^Invalid character within String: (.+)\.$/s, (m) => `carattere non ammesso in una stringa: ${m[1]}.`],
  [/^Invalid (?:Unicode|character) escape sequence: (.+)\.$/s, (m) => `sequenza di escape non valida: ${m[1]}.`],
  [/^Document contains more th[ae]n (\d+) tokens\. Parsing aborted\.$/, (m) => `la richiesta contiene più di ${m[1]} elementi.`],
];

const syntax = (description: string): string => {
  for (const [pattern, italian] of SYNTAX) {
    const m = pattern.exec(description);
    if (m) return italian(m);
  }
  return 'la richiesta non è leggibile.';
};

const RULES: Rule[] = [
  // Syntax (GRAPHQL_PARSE_FAILED).
  [/^Syntax Error: (.+)$/s, (m) => `Errore di sintassi nella richiesta GraphQL: ${syntax(m[1])}`],

  // Validation against the schema (GRAPHQL_VALIDATION_FAILED).
  [
    /^GraphQL introspection (?:has been disabled|is not allowed)(?:, but the requested query contained the field "(.+?)")?/,
    (m) => `L'introspezione dello schema (introspection) è disattivata su questo servizio${m[1] ? `: la richiesta contiene il campo "${m[1]}"` : ''}.`,
  ],
  [/^Cannot query field "(.+?)" on type "(.+?)"\.(.*)$/s, (m) => `Il campo "${m[1]}" non esiste nel tipo "${m[2]}".${suggestion(m[3])}`],
  [/^Unknown argument "(.+?)" on field "(.+?)"\.(.*)$/s, (m) => `L'argomento "${m[1]}" non esiste per il campo "${m[2]}".${suggestion(m[3])}`],
  [/^Unknown argument "(.+?)" on directive "(.+?)"\.(.*)$/s, (m) => `L'argomento "${m[1]}" non esiste per la direttiva "${m[2]}".${suggestion(m[3])}`],
  [
    /^(Field|Directive) "(.+?)" argument "(.+?)" of type "(.+?)" is required, but it was not provided\.$/,
    (m) => `Manca l'argomento obbligatorio "${m[3]}" (tipo "${m[4]}") ${m[1] === 'Field' ? 'del campo' : 'della direttiva'} "${m[2]}".`,
  ],
  [/^Field "(.+?)" must not have a selection since type "(.+?)" has no subfields\.$/, (m) => `Il campo "${m[1]}" è di tipo "${m[2]}", che non ha sottocampi: togliere la selezione tra graffe.`],
  [
    /^Field "(.+?)" of type "(.+?)" must have a selection of subfields\. Did you mean "(.+?)"\?$/,
    (m) => `Il campo "${m[1]}" è di tipo "${m[2]}": indicare tra graffe i sottocampi da restituire, es. "${m[3]}".`,
  ],
  [/^Unknown type "(.+?)"\.(.*)$/s, (m) => `Il tipo "${m[1]}" non esiste.${suggestion(m[2])}`],
  [/^Unknown directive "(.+?)"\.$/, (m) => `La direttiva "${m[1]}" non esiste.`],
  [/^Directive "(.+?)" may not be used on (.+)\.$/, (m) => `La direttiva "${m[1]}" non può essere usata su ${m[2]}.`],
  [/^The directive "(.+?)" can only be used once at this location\.$/, (m) => `La direttiva "${m[1]}" può comparire una sola volta in questa posizione.`],
  [/^Variable "(.+?)" is not defined(?: by operation "(.+?)")?\.$/, (m) => `La variabile "${m[1]}" non è dichiarata${m[2] ? ` nell'operazione "${m[2]}"` : " nell'operazione"}.`],
  [/^Variable "(.+?)" is never used(?: in operation "(.+?)")?\.$/, (m) => `La variabile "${m[1]}" è dichiarata ma non è usata${m[2] ? ` nell'operazione "${m[2]}"` : ''}.`],
  [/^Variable "(.+?)" of type "(.+?)" used in position expecting type "(.+?)"\.$/, (m) => `La variabile "${m[1]}" è di tipo "${m[2]}", ma qui serve il tipo "${m[3]}".`],
  [/^Variable "(.+?)" cannot be non-input type "(.+?)"\.$/, (m) => `La variabile "${m[1]}" non può essere di tipo "${m[2]}": non è un tipo di input.`],
  [/^Unknown fragment "(.+?)"\.$/, (m) => `Il frammento "${m[1]}" non esiste.`],
  [/^Fragment "(.+?)" is never used\.$/, (m) => `Il frammento "${m[1]}" è definito ma non è usato.`],
  [/^There can be only one (argument|variable|fragment|input field|directive|operation) named "(.+?)"\.$/, (m) => `Ci può essere ${ONE_ONLY[m[1]]} di nome "${m[2]}".`],
  [/^This anonymous operation must be the only defined operation\.$/, () => "Un'operazione senza nome deve essere l'unica della richiesta."],
  [/^Cannot spread fragment "(.+?)" within itself(?: via (.+))?\.$/, (m) => `Il frammento "${m[1]}" include sé stesso${m[2] ? ` (attraverso ${m[2]})` : ''}.`],
  [
    /^Fragment (?:"(.+?)" )?cannot be spread here as objects of type "(.+?)" can never be of type "(.+?)"\.$/,
    (m) => `Il frammento${m[1] ? ` "${m[1]}"` : ''} non può essere usato qui: gli oggetti di tipo "${m[2]}" non sono mai di tipo "${m[3]}".`,
  ],
  [/^Fragment (?:"(.+?)" )?cannot condition on non composite type "(.+?)"\.$/, (m) => `Il frammento${m[1] ? ` "${m[1]}"` : ''} non può riferirsi al tipo "${m[2]}", che non ha campi.`],
  [/^The (.+?) definition is not executable\.$/, (m) => `La definizione ${m[1]} non è eseguibile: la richiesta può contenere solo operazioni e frammenti.`],
  [/^Schema is not configured to execute (\w+) operation\.$/, (m) => `Il servizio non prevede operazioni di tipo ${m[1]}.`],
  [
    /^Fields "(.+?)" conflict because (.+)\. Use different aliases on the fields to fetch both if this was intentional\.$/s,
    (m) => `I campi con nome "${m[1]}" sono in conflitto (${conflictReason(m[2])}): usare alias diversi per richiederli entrambi.`,
  ],

  // Values written in the query (validation) and given as variables (coercion).
  [/^Expected value of type "(.+?)", found (.+?); (.+)$/s, (m) => `Valore non valido per il tipo "${m[1]}" (trovato ${m[2]}): ${inner(m[3])}`],
  [/^Expected value of type "(.+?)", found (.+)\.$/s, (m) => `Valore non valido per il tipo "${m[1]}": trovato ${m[2]}.`],
  [/^Field "(.+?)" of required type "(.+?)" was not provided\.$/, (m) => `Manca il campo obbligatorio "${m[1]}" (tipo "${m[2]}").`],
  [/^Field "(.+?)" is not defined by type "(.+?)"\.(.*)$/s, (m) => `Il campo "${m[1]}" non esiste nel tipo di input "${m[2]}".${suggestion(m[3])}`],
  [/^Expected type "(.+?)" to be an object\.$/, (m) => `Per il tipo "${m[1]}" serve un oggetto.`],
  [/^Expected non-nullable type "(.+?)" not to be null\.$/, (m) => `Il valore di tipo "${m[1]}" è obbligatorio: non può essere null.`],
  [/^Expected type "(.+?)"\.(?: (.+))?$/s, (m) => `Valore non valido per il tipo "${m[1]}".${m[2] ? ` ${inner(m[2])}` : ''}`],
  [/^Int cannot represent non-integer value: (.+)$/s, (m) => `Il valore ${m[1]} non è un numero intero.`],
  [/^Int cannot represent non 32-bit signed integer value: (.+)$/s, (m) => `Il valore ${m[1]} è fuori dall'intervallo dei numeri interi ammessi.`],
  [/^Float cannot represent non numeric value: (.+)$/s, (m) => `Il valore ${m[1]} non è un numero.`],
  [/^String cannot represent a non string value: (.+)$/s, (m) => `Il valore ${m[1]} non è un testo: scriverlo tra virgolette doppie.`],
  [/^Boolean cannot represent a non boolean value: (.+)$/s, (m) => `Il valore ${m[1]} non è un booleano (true o false).`],
  [/^ID cannot represent (?:a non-string and non-integer )?value: (.+)$/s, (m) => `Il valore ${m[1]} non è un identificativo valido.`],
  [/^Enum "(.+?)" cannot represent non-(?:string|enum) value: (.+?)\.((?: Did you mean .*)?)$/s, (m) => `Il valore ${m[2]} non è tra quelli ammessi per "${m[1]}".${suggestion(m[3])}`],
  [/^Value "(.+?)" does not exist in "(.+?)" enum\.(.*)$/s, (m) => `Il valore "${m[1]}" non è tra quelli ammessi per "${m[2]}".${suggestion(m[3])}`],
  [
    /^Variable "(.+?)" got invalid value (.*?)(?: at "(.+?)")?; (.+)$/s,
    (m) => `Valore non valido per la variabile "${m[1]}"${m[3] ? ` in "${m[3]}"` : ''}: ${inner(m[4])}`,
  ],
  [/^Variable "(.+?)" of required type "(.+?)" was not provided\.$/, (m) => `Manca la variabile obbligatoria "${m[1]}" (tipo "${m[2]}").`],
  [/^Variable "(.+?)" of non-null type "(.+?)" must not be null\.$/, (m) => `La variabile "${m[1]}" (tipo "${m[2]}") è obbligatoria: non può essere null.`],
  [/^Variable "(.+?)" expected value of type "(.+?)" which cannot be used as an input type\.$/, (m) => `La variabile "${m[1]}" è dichiarata con il tipo "${m[2]}", che non è un tipo di input.`],
  [
    /^Argument "(.+?)" of required type "(.+?)" was provided the variable "(.+?)" which was not provided a runtime value\.$/,
    (m) => `L'argomento obbligatorio "${m[1]}" (tipo "${m[2]}") usa la variabile "${m[3]}", che non è stata fornita.`,
  ],
  [/^Argument "(.+?)" of required type "(.+?)" was not provided\.$/, (m) => `Manca l'argomento obbligatorio "${m[1]}" (tipo "${m[2]}").`],
  [/^Argument "(.+?)" of non-null type "(.+?)" must not be null\.$/, (m) => `L'argomento "${m[1]}" (tipo "${m[2]}") è obbligatorio: non può essere null.`],
  [/^Argument "(.+?)" has invalid value (.+)\.$/s, (m) => `L'argomento "${m[1]}" ha un valore non valido: ${m[2]}.`],
  [/^Too many errors processing variables, error limit reached\. Execution aborted\.$/, () => 'Troppi errori nelle variabili: elaborazione interrotta.'],
  // The query-limits plugin reports variables it could not coerce with an Italian prefix.
  [/^Variabili non valide: (.+)$/s, (m) => `Variabili non valide: ${inner(m[1])}`],

  // Choosing the operation (OPERATION_RESOLUTION_FAILURE).
  [/^Must provide operation name if query contains multiple operations\.$/, () => 'La richiesta contiene più operazioni: indicare quale eseguire con "operationName".'],
  [/^Unknown operation named "(.+?)"\.$/, (m) => `La richiesta non contiene un'operazione di nome "${m[1]}".`],
  [/^Must provide an operation\.$/, () => 'La richiesta non contiene alcuna operazione.'],

  // Apollo Server's HTTP checks (BAD_REQUEST, PERSISTED_QUERY_NOT_SUPPORTED).
  [
    /^This operation has been blocked as a potential Cross-Site Request Forgery \(CSRF\)/,
    () =>
      'Richiesta bloccata come possibile falsificazione da un altro sito (CSRF): inviarla con l\'intestazione "Content-Type: application/json", oppure con un\'intestazione "apollo-require-preflight" non vuota.',
  ],
  [
    /^POST body missing, invalid Content-Type, or JSON object has no keys\.$/,
    () => 'Corpo della richiesta mancante o non valido: inviare un oggetto JSON con il campo "query" e l\'intestazione "Content-Type: application/json".',
  ],
  [/^`(\w+)` in a POST body should be provided as an object, not a recursively JSON-encoded string\.$/, (m) => `"${m[1]}" deve essere un oggetto JSON, non una stringa che contiene JSON.`],
  [/^`(\w+)` in a POST body must be an object if provided\.$/, (m) => `"${m[1]}", se indicato, deve essere un oggetto JSON.`],
  [/^`operationName` in a POST body must be a string if provided\.$/, () => '"operationName", se indicato, deve essere una stringa.'],
  [/^GraphQL queries must be strings\./, () => '"query" deve essere una stringa con il testo della richiesta GraphQL.'],
  [/^GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension\.$/, () => 'La richiesta non contiene "query": indicare il testo dell\'operazione GraphQL.'],
  [/^The '(.+?)' search parameter may only be specified once\.$/, (m) => `Il parametro "${m[1]}" può comparire una sola volta nell'indirizzo.`],
  [/^The (\w+) search parameter contains invalid JSON\.$/, (m) => `Il parametro "${m[1]}" dell'indirizzo non contiene JSON valido.`],
  [/^The (\w+) search parameter should contain a JSON-encoded object\.$/, (m) => `Il parametro "${m[1]}" dell'indirizzo deve contenere un oggetto JSON.`],
  [/^GET requests may not have a content-type header other than application\/json\.$/, () => 'Una richiesta GET può avere solo l\'intestazione "Content-Type: application/json".'],
  [/^Apollo Server supports only GET\/POST requests\.$/, () => 'Sono accettate solo richieste GET e POST.'],
  [/^An 'accept' header was provided for this request which does not accept /, () => 'L\'intestazione "Accept" della richiesta deve ammettere application/json o application/graphql-response+json.'],
  [
    /^GET requests only support query operations, not (\w+) operations$/,
    (m) => `Con una richiesta GET si possono eseguire solo interrogazioni (query), non operazioni di tipo ${m[1]}: usare POST.`,
  ],
  [/^Operation batching disabled\.$/, () => "Non è possibile inviare più operazioni in un'unica richiesta (batch)."],
  [/^No operations found in request\.$/, () => 'La richiesta non contiene alcuna operazione.'],
  [/^PersistedQueryNotSupported$/, () => 'Le richieste persistite (persisted queries) non sono supportate: inviare il testo della richiesta.'],
];

function conflictReason(reason: string): string {
  if (reason === 'they have differing arguments') return 'hanno argomenti diversi';
  const fields = /^"(.+?)" and "(.+?)" are different fields$/.exec(reason);
  if (fields) return `"${fields[1]}" e "${fields[2]}" sono campi diversi`;
  const types = /^they return conflicting types "(.+?)" and "(.+?)"$/.exec(reason);
  if (types) return `restituiscono tipi diversi, "${types[1]}" e "${types[2]}"`;
  return 'selezioni diverse con lo stesso nome';
}

/** The Italian wording of a graphql-js or Apollo Server message, or null when it is none of theirs. */
export function translateFrameworkMessage(message: string): string | null {
  for (const [pattern, italian] of RULES) {
    const m = pattern.exec(message);
    if (m) return italian(m);
  }
  return null;
}

/**
 * Codes only the frameworks raise: a message of theirs that no rule knows (a future library
 * version) still gets an Italian sentence, with the original kept for developers.
 */
export const FRAMEWORK_FALLBACK_MESSAGES: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: 'Errore di sintassi nella richiesta GraphQL.',
  GRAPHQL_VALIDATION_FAILED: 'La richiesta GraphQL non è valida per lo schema del servizio.',
  OPERATION_RESOLUTION_FAILURE: "Impossibile stabilire quale operazione della richiesta eseguire.",
  BAD_REQUEST: 'Richiesta HTTP non valida.',
  PERSISTED_QUERY_NOT_SUPPORTED: 'Le richieste persistite (persisted queries) non sono supportate: inviare il testo della richiesta.',
};
