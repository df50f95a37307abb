import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMoney, formatRatio } from '../../model/italian-format';
import type { ReportModel, Section } from '../../model/report-model';
import { ReportRenderPool } from '../worker/report-render-pool';
import { reportGlyphCoverage } from './glyphs';
import { installPdfmakeFastPaths } from './pdfmake-fast';
import { loadReportStyle, reportFontPath } from './report-style';
import { planParts, type PartItem } from './pdf-parts';
import { renderPdf, type RenderedPdf } from './render-pdf';
import { pdfFixtureModel } from './test-fixtures/fixture-model';
import { inspectPdf, paragraphTexts, squash, walkSections, type InspectedPdf } from './test-fixtures/pdf-inspect';

const LIVORNO = join(__dirname, '../../../test-fixtures/livorno-2020-06-30.model.json');
const sanitize = (s: string) => reportGlyphCoverage().sanitize(s);

/** SOMMARIO lines "label … pag. N" from the pages after the cover. */
function tocLines(doc: InspectedPdf): { label: string; page: number }[] {
  const out: { label: string; page: number }[] = [];
  for (const page of doc.pages.slice(1, 4)) {
    for (const line of page.split('\n')) {
      const m = /^\s*(\S.*?)\s{2,}pag\.\s+(\d+)\s*$/.exec(line);
      if (m) out.push({ label: m[1].trim(), page: Number(m[2]) });
    }
    if (!page.includes('pag.')) break;
  }
  return out;
}

/** The page text (whitespace removed) contains the start of the title. */
function pageHasTitle(doc: InspectedPdf, page: number, title: string): boolean {
  const start = squash(sanitize(title)).slice(0, 40);
  return squash(doc.pages[page - 1] ?? '').includes(start);
}

/** Some line of the page starts with the start of the title (a heading, not a mention). */
function pageHasHeadingLine(doc: InspectedPdf, page: number, title: string): boolean {
  const start = squash(sanitize(title)).slice(0, 20);
  return (doc.pages[page - 1] ?? '').split('\n').some((line) => squash(line).startsWith(start));
}

function expectCommonStructure(model: ReportModel, pdf: RenderedPdf, doc: InspectedPdf) {
  // Page count agrees everywhere.
  expect(doc.pages.length).toBe(pdf.pageCount);
  expect(Number(doc.info['Pages'])).toBe(pdf.pageCount);
  // A sound file: cross-reference table, trailer and streams as written (readers need not repair it).
  expect(doc.structureCheck).toContain('No syntax or stream encoding errors found');

  // Metadata.
  expect(doc.info['Title']).toBe(model.meta.title);
  expect(doc.info['Author']).toBe(model.meta.author);
  expect(doc.info['Subject']).toBe(model.meta.subject);
  expect(doc.info['Creator']).toBe('DUP Monitor');
  expect(doc.info['Keywords']).toContain(model.meta.keywords[0]);
  expect(doc.lang).toBe('it-IT');
  expect(doc.pageMode).toBe('/UseOutlines');

  // Cover: no running header, no footer; every other page: both, with the right total.
  expect(doc.pages[0]).not.toContain('Pagina');
  expect(doc.pages[0]).not.toContain(model.runningHeader);
  expect(squash(doc.pages[0])).toContain(squash(model.cover.title));
  doc.pages.slice(1).forEach((text, i) => {
    expect(text).toContain(`Pagina ${i + 2} di ${pdf.pageCount}`);
    expect(text).toContain(model.runningHeader);
  });

  // SOMMARIO: every inToc section, in order, with the page where its heading really is.
  const expected: Section[] = [];
  walkSections(model, (s) => s.inToc && expected.push(s));
  const toc = tocLines(doc);
  expect(toc.map((t) => t.label)).toEqual(expected.map((s) => s.tocLabel ?? s.title));
  toc.forEach((entry, i) => {
    const section = expected[i];
    expect({ id: section.id, page: entry.page }).toEqual({ id: section.id, page: pdf.sectionPages[section.id] });
    expect(pageHasTitle(doc, entry.page, section.title)).toBe(true);
    expect(pageHasHeadingLine(doc, entry.page, section.title)).toBe(true);
    // It starts there: the page before has no line starting with the heading.
    if (section.pageBreakBefore) expect(pageHasHeadingLine(doc, entry.page - 1, section.title)).toBe(false);
  });

  // Each SOMMARIO entry links to the page of its section.
  const tocPages = doc.pages.map((p, i) => ({ p, n: i + 1 })).filter(({ p }) => /pag\.\s+\d+\s*$/m.test(p) && p.includes(model.tocTitle));
  expect(tocPages.flatMap(({ n }) => doc.links[n - 1])).toEqual(expected.map((s) => pdf.sectionPages[s.id]));

  // Outline: the inOutline sections, nested as in the model.
  const outline: { title: string; depth: number }[] = [];
  const visit = (s: Section, depth: number) => {
    if (s.inOutline) outline.push({ title: sanitize(s.tocLabel ?? s.title), depth });
    s.children.forEach((c) => visit(c, s.inOutline ? depth + 1 : depth));
  };
  model.chapters.forEach((c) => visit(c, 0));
  expect(doc.outline).toEqual(outline);

  // No page ends with a heading or a label: they stay with what they introduce.
  const intros: string[] = [];
  walkSections(model, (s) => s.kind !== 'goal' && intros.push(squash(sanitize(s.title)).slice(0, 30)));
  for (const block of paragraphTexts(model, ['label', 'code'])) intros.push(squash(sanitize(block)).slice(0, 30));
  const introSet = new Set(intros.filter((t) => t.length >= 8));
  doc.pages.forEach((text, i) => {
    const lines = text.split('\n').filter((l) => l.trim() && !/Pagina \d+ di \d+/.test(l));
    const last = squash(lines[lines.length - 1] ?? '').slice(0, 30);
    if (i > 1)
      expect({ page: i + 1, endsWithHeading: [...introSet].some((t) => last.startsWith(t) || t.startsWith(last)) && last.length >= 8 }).toEqual({
        page: i + 1,
        endsWithHeading: false,
      });
  });

  // Every paragraph of the model is printed, in order (nothing lost at page or part breaks).
  const all = squash(doc.pages.join('\n'));
  let from = 0;
  for (const para of paragraphTexts(model)) {
    const needle = squash(sanitize(para)).slice(0, 60);
    if (!needle) continue;
    const at = all.indexOf(needle, from);
    expect({ para: para.slice(0, 60), found: at >= 0 }).toEqual({ para: para.slice(0, 60), found: true });
    from = at;
  }
}

describe('renderPdf on the hand-made fixture', () => {
  const model = pdfFixtureModel();
  let pdf: RenderedPdf;
  let doc: InspectedPdf;

  beforeAll(async () => {
    pdf = await renderPdf(model);
    doc = await inspectPdf(pdf.bytes);
  }, 120_000);

  it('has cover, SOMMARIO with real page numbers, running header, footers, outline and metadata', () => {
    expect(pdf.pageCount).toBeGreaterThan(6);
    expect(doc.pages[1]).toContain(model.tocTitle);
    expectCommonStructure(model, pdf, doc);
  });

  it('prints the cover blocks', () => {
    const cover = squash(doc.pages[0]);
    for (const line of [model.cover.enteHeading, model.cover.subtitle, model.cover.scopeLine as string, ...model.cover.issuingOffice])
      expect(cover).toContain(squash(line));
  });

  it('formats typed cells with the shared Italian formatters', () => {
    const all = doc.pages.join('\n');
    expect(all).toContain(formatMoney('475193437.97'));
    expect(all).toContain(formatRatio('34.90'));
    expect(all).toContain('n.c.');
    expect(all).toContain('12.345');
    expect(all).toContain('30/06/2020');
    expect(all).toContain('15/01/2020');
    // The spending total row: label, amounts and ratios on one line.
    expect(all).toMatch(
      /Totale generale\s+475\.193\.437,97\s+165\.859\.777,40\s+67\.044\.663,76\s+39\.555\.990,19\s+18\.976\.776,37\s+34,90%\s+40,42%\s+47,97%/,
    );
    expect(all).toContain('n.c. = non calcolabile');
    expect(all).toContain('Capofila Settore numero 1');
    expect(all).toContain('Comuni di Livorno, Collesalvetti, Capraia');
    expect(all).toContain('Obiettivo strategico');
    // Resumed ordered list and nested list.
    expect(all).toMatch(/6\.\s+Sesta voce/);
    expect(all).toMatch(/7\.\s+Settima voce/);
  });

  it('repeats the header of a long goal table on every page it spans and never splits a row', () => {
    const pages = doc.pages.map((p, i) => ({ p, n: i + 1 })).filter(({ p }) => p.includes('Settore numero 40') || p.includes('Settore numero 20'));
    const spanned = doc.pages.filter((p) => /Settore numero \d+ con un nome/.test(p) && p.includes('Seconda finalità'));
    expect(spanned.length).toBeGreaterThanOrEqual(2);
    for (const p of spanned) expect(p).toContain('Settori coinvolti');
    expect(pages.length).toBeGreaterThan(0);
    // Each department row is whole on one page: the name's second line is on the page where the row starts.
    for (const p of doc.pages) {
      const starts = (p.match(/Settore numero \d+ con un nome/g) ?? []).length;
      const ends = (p.match(/^\s*(piuttosto\s+)?lungo\s*$/gm) ?? []).length;
      expect(ends).toBe(starts);
    }
    for (let i = 1; i <= 40; i++) expect(doc.pages.join('\n')).toMatch(new RegExp(`Settore numero ${i} con un nome`));
  });

  it('marks every page of a draft with BOZZA', async () => {
    const draft = await renderPdf({ ...model, meta: { ...model.meta, draftMark: 'BOZZA' } });
    const pages = (await inspectPdf(draft.bytes)).pages;
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.every((p) => p.includes('BOZZA'))).toBe(true);
    expect(doc.pages.some((p) => p.includes('BOZZA'))).toBe(false);
  });

  it('replaces characters the font lacks instead of printing missing glyphs', () => {
    const all = doc.pages.join('\n');
    expect(all).not.toContain('➤');
    expect(all).toContain('› Attività conclusa per la finalità fin-1');
  });
});

describe('pdfmake fast paths (pdfmake-fast.ts)', () => {
  it("lay out the fixture exactly as pdfmake's own code does", async () => {
    const model = pdfFixtureModel();
    const fast = await inspectPdf((await renderPdf(model)).bytes);
    const pool = new ReportRenderPool({ threads: 1, env: { ...(process.env as Record<string, string>), DUP_PDFMAKE_FAST: '0' } });
    try {
      expect(pool.usesWorkers).toBe(true);
      const original = await inspectPdf((await pool.renderPdf(model)).bytes);
      expect(fast.pages.length).toBe(original.pages.length);
      fast.pages.forEach((page, i) => expect(page).toBe(original.pages[i]));
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('shape words like fontkit (same glyphs, same kerned advances)', () => {
    installPdfmakeFastPaths();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const PDFKit = require('pdfkit');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fontkit = require('fontkit');
    const style = loadReportStyle();
    const words = [...new Set(paragraphTexts(pdfFixtureModel()).join(' ').split(/\s+/))].concat(['AVATAR ', 'Tavola ', 'LAVORO, ', 'Yacht ', 'WWF ']);
    for (const face of ['regular', 'bold', 'italic', 'boldItalic', 'semibold'] as const) {
      const doc = new PDFKit({ autoFirstPage: false });
      doc.font(reportFontPath(style, face));
      const reference = fontkit.create(readFileSync(reportFontPath(style, face)));
      for (const word of words) {
        const fast = doc._font.layout(word);
        const slow = reference.layout(word);
        expect(fast.glyphs.map((g: { id: number }) => g.id)).toEqual(slow.glyphs.map((g: { id: number }) => g.id));
        expect(fast.advanceWidth).toBeCloseTo(
          slow.positions.reduce((s: number, p: { xAdvance: number }) => s + p.xAdvance, 0),
          6,
        );
      }
    }
  });
});

describe('planParts', () => {
  it('cuts only where the model breaks the page and keeps every item once, in order', () => {
    const model = pdfFixtureModel();
    const plan = planParts(model, { targetWeight: 1 });
    expect(plan.tasks[0].kind).toBe('front');
    const items: PartItem[] = plan.tasks.flatMap((t) => (t.kind === 'body' ? t.items : []));
    const heads = items.filter((i) => i.t === 'head').map((i) => (i.t === 'head' ? i.section.id : ''));
    const ids: string[] = [];
    walkSections(model, (s) => ids.push(s.id));
    expect(heads).toEqual(ids);
    for (const t of plan.tasks.slice(1)) {
      const first = t.kind === 'body' ? t.items[0] : undefined;
      expect(first?.t === 'head' && first.section.pageBreakBefore).toBe(true);
    }
    expect(plan.tasks.length).toBe(
      1 +
        ids.filter((id) => {
          let pb = false;
          walkSections(model, (s) => s.id === id && (pb = s.pageBreakBefore));
          return pb;
        }).length,
    );
  });
});

describe('GlyphCoverage', () => {
  it('keeps what the font has and substitutes the rest', () => {
    expect(sanitize('Città – “virgolette” € 1.234,56 • ok')).toBe('Città – “virgolette” € 1.234,56 • ok');
    expect(sanitize('➤ voce')).toBe('› voce');
    expect(sanitize('a → b')).toBe('a » b');
    expect(sanitize('zero\u200bwidth')).toBe('zerowidth');
    expect(sanitize('\u4e2d')).toBe('?');
  });
});

const describeLivorno = existsSync(LIVORNO) ? describe : describe.skip;

describeLivorno('renderPdf on the Livorno model, parts rendered by the worker pool', () => {
  let model: ReportModel;
  let pdf: RenderedPdf;
  let doc: InspectedPdf;
  let pool: ReportRenderPool;

  beforeAll(async () => {
    model = JSON.parse(readFileSync(LIVORNO, 'utf8')) as ReportModel;
    pool = new ReportRenderPool({ threads: 2 });
    pdf = await pool.renderPdf(model);
    doc = await inspectPdf(pdf.bytes);
  }, 240_000);

  afterAll(async () => {
    await pool?.close();
  });

  it('uses worker threads', () => {
    expect(pool.usesWorkers).toBe(true);
    expect(pdf.timings.parts).toBeGreaterThan(3);
  });

  it('has the document structure (SOMMARIO pages, footers, outline, metadata, all paragraphs)', () => {
    expect(pdf.pageCount).toBeGreaterThan(120);
    expectCommonStructure(model, pdf, doc);
  });

  it('never ends a page with a Missione line whose Programmi start the next page', () => {
    const lines = (page: string) =>
      page
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    const stranded: number[] = [];
    doc.pages.forEach((page, i) => {
      const own = lines(page);
      // The last line is the footer ("Pagina X di Y"); the next page starts with the running header.
      const last = own[own.length - 2] ?? '';
      const next = lines(doc.pages[i + 1] ?? '')[1] ?? '';
      if (/^Missione \d/.test(last) && /^Programma \d/.test(next)) stranded.push(i + 1);
    });
    expect(stranded).toEqual([]);
  });

  it('prints every operational objective, in order, on the page the outline points to', () => {
    const ops: Section[] = [];
    walkSections(model, (s) => s.kind === 'operationalObjective' && ops.push(s));
    expect(ops.length).toBeGreaterThan(60);
    let lastPage = 0;
    for (const op of ops) {
      const page = pdf.sectionPages[op.id];
      expect(page).toBeGreaterThanOrEqual(lastPage);
      expect({ op: op.title, onPage: pageHasTitle(doc, page, op.title) }).toEqual({ op: op.title, onPage: true });
      lastPage = page;
    }
  });

  it('links every SOMMARIO entry to a named destination and labels the pages as printed', () => {
    const names = doc.linkNames.slice(1, 4).flat();
    expect(names.length).toBeGreaterThanOrEqual(14);
    expect(names.every((n) => n !== null && doc.destinations[n] === pdf.sectionPages[n])).toBe(true);
    expect(doc.destinations['linea-9']).toBe(pdf.sectionPages['linea-9']);
    expect(doc.pageLabels).toMatch(/\/Nums \[ 0 <<[^>]*\/P \(Copertina\)[^>]*>> 1 <<[^>]*\/S \/D[^>]*\/St 2/);
  });

  it("prints the page where Riparti Livorno (9.02.22) starts in chapter 1's cross-reference, linked there", () => {
    const page = pdf.sectionPages['oo-9-02-22'];
    expect(pageHasHeadingLine(doc, page, 'Obiettivo operativo 9.02.22_OP')).toBe(true);
    const text = doc.pages
      .slice(0, page - 1)
      .join('\n')
      .replace(/\s+/g, ' ');
    const sentence = /al 30\/06\/2020 \(v\., infra,.{0,40}per poi riservare/.exec(text)?.[0];
    // The number is stamped over a slot sized for three digits, which text extraction reads as spaces.
    expect(sentence?.replace(/ \)/, ')')).toBe(`al 30/06/2020 (v., infra, pag. ${page}), per poi riservare`);
    expect(text).not.toContain('pagina:');
    expect(doc.destinations['oo-9-02-22']).toBe(page);
    // "pag. N" is a GoTo link whose named destination (a string, as pdfmake writes it) resolves.
    const raw = Buffer.from(pdf.bytes).toString('latin1');
    expect(raw).toMatch(/\/S \/GoTo\s*\/D \(oo-9-02-22\)/);
    expect(raw).toMatch(/\(oo-9-02-22\) \[ ?\d+ 0 R \/XYZ/);
  });

  it('never leaves an objective heading or a goal table as the last text of a page', () => {
    const lines = (page: string) =>
      page
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    const stranded: number[] = [];
    doc.pages.forEach((page, i) => {
      const own = lines(page);
      const last = own[own.length - 2] ?? '';
      if (/^(Obiettivo (operativo|strategico) [\d.]+_(OP|ST)|Responsabile politic|Programma \d|Missione \d|Finalità da)/.test(last)) stranded.push(i + 1);
    });
    expect(stranded).toEqual([]);
  });

  it('prints the spending chapter on landscape pages, with "(segue)" where a mission continues', () => {
    const start = pdf.sectionPages['cap-4'];
    const pages = doc.pages.slice(start - 1);
    expect(pages.some((p) => /^\s*\(segue\)\s+\d{2}-/m.test(p))).toBe(true);
  });

  it('prints the spending grand total row', () => {
    const all = doc.pages.join('\n');
    expect(all).toMatch(
      /Totale generale\s+475\.193\.437,97\s+165\.859\.777,40\s+67\.044\.663,76\s+39\.555\.990,19\s+18\.976\.776,37\s+34,90%\s+40,42%\s+47,97%/,
    );
  });
});
