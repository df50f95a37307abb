import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFObject } from 'pdf-lib';
import type { Block, ReportModel, Section } from '../../../model/report-model';

/** What poppler and pdf-lib read back from a rendered PDF, for the tests. */
export interface InspectedPdf {
  /** `pdftotext -layout` text of each page (index 0 = page 1). */
  pages: string[];
  info: Record<string, string>;
  outline: { title: string; depth: number }[];
  /** Per page (index 0 = page 1): the 1-based target page of each GoTo link annotation. */
  links: number[][];
  /** Per page: the named destination of each link annotation (null for an explicit one). */
  linkNames: (string | null)[][];
  /** The catalog's named destinations (/Dests): name → 1-based page. */
  destinations: Record<string, number>;
  /** The catalog's /PageLabels number tree, as written. */
  pageLabels: string | null;
  lang: string | null;
  pageMode: string | null;
  /** What `qpdf --check` says of the file's structure (cross-reference table, trailer, streams). */
  structureCheck: string;
}

function qpdfCheck(file: string): string {
  try {
    return execFileSync('qpdf', ['--check', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    return `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message;
  }
}

export function inspectPdf(bytes: Uint8Array): Promise<InspectedPdf> {
  const dir = mkdtempSync(join(tmpdir(), 'dup-pdf-test-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 << 20 });
    const pages = text.split('\f');
    if (pages.length && pages[pages.length - 1].trim() === '') pages.pop();
    const info: Record<string, string> = {};
    for (const line of execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' }).split('\n')) {
      const m = /^([^:]+):\s*(.*)$/.exec(line);
      if (m) info[m[1].trim()] = m[2].trim();
    }
    const structureCheck = qpdfCheck(file);
    return readStructure(bytes).then((s) => ({ pages, info, structureCheck, ...s }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function text(o: PDFObject | undefined): string {
  if (o instanceof PDFHexString || o instanceof PDFString) return o.decodeText();
  return o ? o.toString() : '';
}

async function readStructure(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const ctx = doc.context;
  const outline: { title: string; depth: number }[] = [];
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const walk = (first: PDFObject | undefined, depth: number) => {
    let ref = first;
    let guard = 0;
    while (ref && guard++ < 100_000) {
      const item = ctx.lookup(ref) as PDFDict;
      outline.push({ title: text(item.get(PDFName.of('Title'))), depth });
      walk(item.get(PDFName.of('First')), depth + 1);
      ref = item.get(PDFName.of('Next'));
    }
  };
  if (root) walk(root.get(PDFName.of('First')), 0);
  const pageIndex = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const destinations: Record<string, number> = {};
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [name, value] of dests?.entries() ?? []) {
    const target = ctx.lookup(value);
    if (target instanceof PDFArray) destinations[name.decodeText()] = pageIndex.get(target.get(0).toString()) ?? -1;
  }
  const linkNames: (string | null)[][] = [];
  const links = doc.getPages().map((page) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    const out: number[] = [];
    const names: (string | null)[] = [];
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const a = annots?.lookup(i, PDFDict);
      if (a?.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      const raw = a.get(PDFName.of('Dest'));
      if (raw instanceof PDFName) {
        names.push(raw.decodeText());
        out.push(destinations[raw.decodeText()] ?? -1);
      } else if (raw) {
        names.push(null);
        out.push(pageIndex.get((ctx.lookup(raw) as PDFArray).get(0).toString()) ?? -1);
      }
    }
    linkNames.push(names);
    return out;
  });
  const lang = doc.catalog.get(PDFName.of('Lang'));
  const pageMode = doc.catalog.get(PDFName.of('PageMode'));
  const labels = doc.catalog.lookupMaybe(PDFName.of('PageLabels'), PDFDict);
  return {
    outline,
    links,
    linkNames,
    destinations,
    pageLabels: labels ? labels.toString() : null,
    lang: lang ? text(lang) : null,
    pageMode: pageMode ? pageMode.toString() : null,
  };
}

/** Text without any whitespace (layout spacing and line breaks differ from the model's). */
export const squash = (s: string) => s.replace(/\s+/g, '');

export function walkSections(model: ReportModel, visit: (s: Section, depth: number) => void): void {
  const go = (s: Section, depth: number) => {
    visit(s, depth);
    s.children.forEach((c) => go(c, depth + 1));
  };
  model.chapters.forEach((c) => go(c, 0));
}

/** The paragraph texts of the model in document order (sections, lists, not table cells), optionally only some roles. */
export function paragraphTexts(model: ReportModel, roles?: string[]): string[] {
  const out: string[] = [];
  const blocks = (bs: Block[]) => {
    for (const b of bs) {
      if (b.kind === 'subheading' || (b.kind === 'paragraph' && (!roles || roles.includes(b.role)))) out.push(b.content.map((r) => r.text).join(''));
      else if (b.kind === 'list') b.items.forEach(blocks);
    }
  };
  const go = (s: Section) => {
    blocks(s.blocks);
    s.children.forEach(go);
    blocks(s.trailingBlocks);
  };
  model.chapters.forEach(go);
  return out;
}
