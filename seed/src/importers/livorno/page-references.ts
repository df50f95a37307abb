/**
 * Chapter 1 points to an objective by a printed page ("(v., infra, pag. 170)"), a number that is
 * wrong as soon as the report is laid out again. The reference is kept as the placeholder the
 * report renderers fill ("{{pagina:9.02.22}}", see libs/reporting/core page-references): the
 * objective is the last one named ("obiettivo Riparti Livorno") before the reference.
 */
const PRINTED_PAGE = /pag\. (\d+)\)/g;
/** How far back the objective's name is looked for: the same sentence. */
const LOOK_BACK = 400;

export interface ObjectiveTitle {
  code: string;
  title: string;
}

/** The markdown with each printed page reference replaced; one note per replacement. */
export function pageReferencePlaceholders(markdown: string, objectives: ObjectiveTitle[], notes: string[]): string {
  return markdown.replace(PRINTED_PAGE, (match: string, page: string, at: number) => {
    const before = markdown.slice(Math.max(0, at - LOOK_BACK), at);
    const named = before.lastIndexOf('obiettivo ');
    if (named < 0 || !/\(v\., infra, $/.test(before)) return match;
    const name = before.slice(named + 'obiettivo '.length);
    // The objective whose title (up to its colon) the sentence names.
    const target = objectives.find((o) => name.startsWith(o.title.split(':')[0].trim()));
    if (!target) throw new Error(`Page reference "${match}" does not name an operational objective`);
    notes.push(
      `Report texts: the printed cross-reference "(v., infra, pag. ${page})" names operational objective ${target.code} ` +
        `("${target.title}") and is stored as {{pagina:${target.code}}}, which the report fills with the page where that objective starts.`,
    );
    return `{{pagina:${target.code}}})`;
  });
}
