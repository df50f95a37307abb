import type { Block, ReportModel, Section } from '../../model/report-model';
import { cssString, escapeHtml, safeHref } from './escape';
import { renderHtml } from './index';
import { analyseHtml, tokenize } from './test-fixtures/html-structure';
import { fixtureModel, HOSTILE_TEXT } from './test-fixtures/fixture-model';
import { hasLivornoModel, loadLivornoModel } from './test-fixtures/livorno';

/** Runs when the builder's golden Livorno model is present (see test-fixtures/livorno.ts). */
const livornoIt = hasLivornoModel() ? it : it.skip;

function walk(sections: Section[], visit: (s: Section) => void): void {
  for (const s of sections) {
    visit(s);
    walk(s.children, visit);
  }
}

/** Tables anywhere in the report body (blocks, list items, rich cells). */
function countTables(model: ReportModel): number {
  let n = 0;
  const blocks = (bs: Block[]) => {
    for (const b of bs) {
      if (b.kind === 'table') {
        n++;
        for (const row of b.table.rows) for (const cell of row.cells) if (cell.type === 'rich') blocks(cell.blocks);
      } else if (b.kind === 'list') for (const item of b.items) blocks(item);
    }
  };
  walk(model.chapters, (s) => {
    blocks(s.blocks);
    blocks(s.trailingBlocks);
  });
  return n;
}

/** Structural expectations that hold for any model. */
function expectSoundPage(model: ReportModel, html: string): void {
  const structure = analyseHtml(html);
  expect(structure.errors).toEqual([]);
  expect(html.startsWith('<!DOCTYPE html>\n<html lang="it">\n<head>\n<meta charset="utf-8">')).toBe(true);
  expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  expect(html).toContain(`<title>${escapeHtml(model.meta.title)}</title>`);
  expect(html).toContain(`<meta name="description" content="${escapeHtml(model.meta.subject)}">`);
  expect(html).toContain(`<meta name="author" content="${escapeHtml(model.meta.author)}">`);
  expect(html.match(/<style>/g)).toHaveLength(1);
  expect(html.match(/<\/style>/g)).toHaveLength(1);
  expect(html).not.toMatch(/url\(|@import|<script|<link/i);

  // One section and one heading per model section; the TOC lists the inToc sections.
  let sections = 0;
  const toc: string[] = [];
  walk(model.chapters, (s) => {
    sections++;
    if (s.inToc) toc.push(s.id);
  });
  expect(html.match(/<section /g)?.length ?? 0).toBe(sections);
  const nav = html.slice(html.indexOf('<nav'), html.indexOf('</nav>'));
  expect([...nav.matchAll(/href="#([^"]+)"/g)].map((m) => m[1])).toEqual(toc);
  for (const id of toc) expect(structure.ids.has(id)).toBe(true);

  // Chapters are h2 (the h1 is the cover title, the SOMMARIO is the nav's h2).
  expect(structure.headings.filter((l) => l === 2)).toHaveLength(model.chapters.length + 1);
  expect(html.match(/<table /g)?.length ?? 0).toBe(countTables(model));
}

describe('renderHtml – fixture model', () => {
  const model = fixtureModel();
  const html = renderHtml(model);

  it('is a sound, self-contained page with landmarks, a TOC and a heading outline', () => {
    expectSoundPage(model, html);
    expect(html).toContain('<a class="skip-link" href="#contenuto">');
    expect(html).toContain('<main id="contenuto" tabindex="-1">');
    expect(html).toContain('<nav class="toc" aria-label="Sommario">');
  });

  it('prints the cover in the header, with the issuing office as an address', () => {
    const header = html.slice(html.indexOf('<header'), html.indexOf('</header>'));
    expect(header).toContain('<p class="ente">COMUNE DI LIVORNO</p>');
    expect(header).toContain(
      '<h1>Documento Unico di Programmazione 2020-2022<span class="sr-only"> – </span><span class="subtitle">Stato di attuazione al 30/06/2020</span></h1>',
    );
    expect(header).toContain('<p class="scope">Rapporto di prova</p>');
    expect(header).toMatch(/<address>Comune di Livorno<br>\nDirezione Generale<br>[\s\S]*pec: comune\.livorno@postacert\.toscana\.it<\/address>/);
  });

  it('nests heading levels by section depth and clamps subheadings', () => {
    const { headings } = analyseHtml(html);
    expect(headings).toEqual([
      1, // cover
      2, // SOMMARIO
      2, 3, 3, 4, 5, 3, 3, // chapter 1: topics, "Sezione strategica" h4, "Sezione operativa" (level 3) clamped to h5
      2, 3, 3, // chapter 2 with two subheadings
      2, 3, 3, 4, 4, 5, 6, 6, 5, 6, 3, // chapter 3: summary, line 1 (clamped subheading h4), SO, OPs, goals, line 2
      2, // chapter 4
    ]);
    // Deeper than h6 (inside a goal) and inside table cells: bold paragraphs, never ARIA headings.
    expect(html).toContain('<p class="subheading"><strong>Buoni spesa</strong></p>');
    expect(html).toContain('<p class="subheading"><strong>Interventi economici e fiscali approvati</strong></p>');
    expect(html).toContain('<td><p class="subheading"><strong>Dettaglio</strong></p>');
    expect(html).not.toMatch(/role="heading"|aria-level/);
  });

  it('labels every section by its heading, disambiguating repeated titles', () => {
    expect(html).toContain('<section id="cap-1" class="s-chapter pb" aria-labelledby="cap-1__titolo">\n<h2 id="cap-1__titolo">');
    expect(html).toContain('<section id="fin-1-01-01-1" class="s-goal" aria-labelledby="fin-1-01-01-1__titolo">');
    expect(html).toContain('<section id="fin-1-02-01-1" class="s-goal" aria-labelledby="fin-1-02-01-1__titolo oo-1-02-01__titolo">');
  });

  it('renders paragraphs by role, lists with their start number and inline emphasis', () => {
    expect(html).toContain('<p class="p-label">Stato di attuazione al 30/06/2020</p>');
    expect(html).toContain('<p class="p-deferral">La finalità sarà rendicontata al 31.12.2020</p>');
    expect(html).toContain('<p class="p-note"><strong>Responsabile politico: </strong>Assessore Silvia Viviani</p>');
    expect(html).toContain('<p class="p-code">Obiettivo operativo 1.01.01_OP</p>');
    expect(html).toContain('<ol start="6">\n<li>sesto punto</li>');
    expect(html).toContain('<li><p class="p-body">La sicurezza come bene comune;</p>\n<ul>\n<li>sotto-punto annidato</li>');
    expect(html).toContain('<strong><em>Carta per la rigenerazione urbana</em></strong>');
    expect(html).toContain('<u>sottolineato</u>');
    expect(html).toContain('<hr class="page-break">');
  });

  it('keeps only http, https and mailto links', () => {
    expect(html).toContain('<a href="https://www.comune.livorno.it/">sito</a>');
    expect(html).toContain('<a href="mailto:comune.livorno@postacert.toscana.it">scrivere</a>');
    expect(html).toContain(', link rifiutato, ');
    expect(html).not.toContain('javascript:');
  });

  it('escapes user text everywhere: headings, table headers, cells, paragraphs, title, style sheet', () => {
    const escaped = escapeHtml(HOSTILE_TEXT);
    expect(escaped).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;apici&#39; &quot;virgolette&quot; &lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain(`<h6 id="fin-1-01-01-2__titolo">Finalità con testo ostile ${escaped}</h6>`);
    expect(html).toContain(`<th scope="col">Finalità con testo ostile ${escaped}</th>`);
    expect(html).toContain(`<td>${escaped}</td>`);
    expect(html).toContain(`<p class="p-body">${escaped}</p>`);
    // The running header is in the print style sheet as a CSS string that cannot close <style>.
    const style = html.slice(html.indexOf('<style>'), html.indexOf('</style>'));
    expect(style).toContain('@top-center{content:"Comune di Livorno – DUP 2020-2022 – Stato di attuazione al 30/06/2020 \\3c /style\\3e \\3c script\\3e alert(1)\\3c /script\\3e "');
  });

  it('gives every table a caption, column headers and row headers', () => {
    expect(html).toContain('<caption id="tab-atti-edizione__didascalia">Atti relativi al DUP 2020-2022</caption>');
    expect(html).toContain('<caption id="tab-spese__didascalia" class="sr-only">Spese per missioni e programmi al 30/06/2020</caption>');
    // Header groups over column groups.
    expect(html).toContain('<colgroup><col style="width:8.00%"><col style="width:40.00%"></colgroup>\n<colgroup>');
    expect(html).toContain('<tr><th scope="colgroup" colspan="2">Obiettivo strategico</th><th scope="colgroup" colspan="2">Obiettivo operativo</th></tr>');
    // A strategic objective spans its operational objectives; each row is named by its OP code.
    expect(html).toContain('<tr><th scope="row" rowspan="2">1.02</th><td rowspan="2">Sviluppare Livorno città di città</td><th scope="row">1.02.01_OP</th>');
    expect(html).toContain('<tr><th scope="row">1.02.02_OP</th><td>Sviluppare Livorno città d’acqua</td></tr>');
    // Goal table: the department names the row; the empty first column stays a data cell.
    expect(html).toContain('<tr><td></td><th scope="row"><span class="capofila">Capofila</span> Urbanistica e programmi complessi</th>');
    expect(html).toContain('<th scope="row">Sviluppo economico, turismo, Sportello Europa <span class="dept-note">(Comuni di Livorno, Collesalveti, Capraia)</span></th>');
    // Group rows open a row group and span the full width.
    expect(html).toContain('</tbody>\n<tbody>\n<tr class="row-group"><th scope="rowgroup" colspan="2"><strong>Potenziare l’investimento nel &quot;capitale umano&quot;</strong></th></tr>');
  });

  it('prints flags, Capofila, dates and numbers readably, right-aligning numbers', () => {
    const on = '<td class="flag"><span class="flag-mark" aria-hidden="true">•</span><span class="sr-only">attivo</span></td>';
    const off = '<td class="flag"><span class="sr-only">non attivo</span></td>';
    expect(html).toContain(`<th scope="row">Edilizia privata e SUAP</th>${on}${on}${off}</tr>`);
    expect(html).toContain('<td><time datetime="2019-12-23">23/12/2019</time></td>');
    expect(html).toContain('<td class="num">12.345</td>');
    expect(html).toContain('<td class="num">4.199.059,32</td>');
    expect(html).toContain('<td class="num">29,66%</td>');
    expect(html).toContain('<td class="num"><abbr title="non calcolabile">n.c.</abbr></td>');
    expect(html).toContain('<td class="num">-0,50</td>');
    expect(html).toContain('<th scope="col" class="num">Assestato (A)</th>');
  });

  it('prints subtotal and total rows bold with a row header over the label columns', () => {
    expect(html).toContain(
      '<tr class="row-subtotal"><th scope="row" colspan="2"><strong>Totale Missione 1</strong></th><td class="num"><strong>5.192.174,55</strong></td>',
    );
    expect(html).toContain('<td class="num"><strong><abbr title="non calcolabile">n.c.</abbr></strong></td>');
    expect(html).toContain('<tr class="row-total"><th scope="row" colspan="2"><strong>Totale generale</strong></th>');
    // A mission with several programmes spans them.
    expect(html).toContain('<tr><th scope="row" rowspan="2">1-Servizi istituzionali, generali e di gestione</th><th scope="row">01-Organi istituzionali</th>');
  });

  it('wraps wide tables in a named, focusable scroll region and links footnotes to the table', () => {
    expect(html).toContain(
      '<div class="table-scroll" role="region" tabindex="0" aria-label="Tabella: Spese per missioni e programmi al 30/06/2020">\n<table id="tab-spese" class="wide" aria-describedby="tab-spese__note">',
    );
    expect(html).toContain('<div class="table-notes" id="tab-spese__note"><p>n.c. = non calcolabile: il denominatore del rapporto è pari a zero.</p>');
    // Narrow tables are not tab stops.
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(html).toContain('<table id="tab-atti-edizione" class="no-repeat">');
  });

  it('has print rules: page breaks before chapters and mandate lines, repeated table headers', () => {
    expect(html).toContain('.pb{break-before:page}');
    expect(html).toContain('thead{display:table-header-group}');
    expect(html).toContain('<section id="linea-1" class="s-mandateLine pb"');
    expect(html).toContain('<section id="os-1-01" class="s-strategicObjective" ');
  });

  it('closes with a footer carrying the generation info', () => {
    expect(html).toContain(
      '<footer class="colophon">\n<p>Comune di Livorno – DUP 2020-2022 – Stato di attuazione al 30/06/2020 &lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>\n' +
        '<p>Versione HTML accessibile del documento, generata il <time datetime="2020-11-13T09:30:00.000Z">13/11/2020</time>. Versione dei dati: 42.</p>\n</footer>',
    );
  });

  it('keeps ids unique when the model repeats one', () => {
    const m = fixtureModel();
    m.chapters[1].id = 'cap-1';
    m.chapters[1].children.push({ ...m.chapters[1], id: ' con  spazi ', children: [], inToc: true, title: 'Copia' });
    const out = renderHtml(m);
    expect(analyseHtml(out).errors).toEqual([]);
    expect(out).toContain('<li><a href="#cap-1-2">2 SISTEMA DEI CONTROLLI INTERNI E CONTROLLO STRATEGICO</a>\n<ol>\n<li><a href="#con-spazi">');
  });

  it('does not modify the model', () => {
    const m = fixtureModel();
    const before = JSON.stringify(m);
    renderHtml(m);
    expect(JSON.stringify(m)).toBe(before);
  });
});

describe('escaping helpers', () => {
  it('escapes the five HTML-special characters and drops forbidden control characters', () => {
    expect(escapeHtml('<script>alert("x")</script>')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(escapeHtml(`Tom & Jerry's "show"`)).toBe('Tom &amp; Jerry&#39;s &quot;show&quot;');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
    expect(escapeHtml('a\u0000b\u0007c\td\ne')).toBe('abc\td\ne');
    expect(escapeHtml('Città – 1.234,56 €')).toBe('Città – 1.234,56 €');
  });

  it('accepts only http, https and mailto link targets', () => {
    expect(safeHref('https://example.org/a?b=1&c="2"')).toBe('https://example.org/a?b=1&amp;c=&quot;2&quot;');
    expect(safeHref(' HTTP://example.org ')).toBe('HTTP://example.org');
    expect(safeHref('mailto:ufficio@comune.livorno.it')).toBe('mailto:ufficio@comune.livorno.it');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.org', '#x', 'https://a b', '', undefined, null])
      expect(safeHref(bad)).toBeNull();
  });

  it('writes CSS strings that cannot leave the string or the style element', () => {
    expect(cssString('a"b\\c</style>')).toBe('"a\\22 b\\5c c\\3c /style\\3e "');
  });

  it('tokenises its own output (sanity check of the structural checker)', () => {
    expect(tokenize('<p class="a">x<br>y</p>').map((t) => `${t.closing ? '/' : ''}${t.name}`)).toEqual(['p', 'br', '/p']);
    expect(analyseHtml('<html><body><h2>x</h2></body></html>').errors).toContain('expected exactly one h1, found 0');
    expect(analyseHtml('<a href="#x">x</a><h1>a</h1><h3>b</h3>').errors).toContain('heading level skipped: h1 → h3 (heading #2)');
  });
});

describe('renderHtml – Livorno 30/06/2020 model', () => {
  livornoIt('renders a sound page', () => {
    const model = loadLivornoModel();
    expectSoundPage(model, renderHtml(model));
  });

  livornoIt('renders in well under 200 ms', () => {
    const model = loadLivornoModel();
    renderHtml(model); // warm-up (JIT)
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = process.hrtime.bigint();
      renderHtml(model);
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    times.sort((a, b) => a - b);
    // Best of five: robust to a busy machine, still catches any super-linear regression.
    expect(times[0]).toBeLessThan(200);
  });
});

describe('renderHtml of a draft', () => {
  it('says BOZZA in the title and on the cover', () => {
    const model = fixtureModel();
    const html = renderHtml({ ...model, meta: { ...model.meta, draftMark: 'BOZZA' } });
    expect(html).toMatch(/<title>BOZZA – /);
    expect(html).toContain('<p class="draft-mark">BOZZA</p>');
    expect(renderHtml(model)).not.toContain('BOZZA');
  });
});
