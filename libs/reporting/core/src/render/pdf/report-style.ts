import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportAssetsDir } from '../../assets/report-assets';
import type { SectionKind } from '../../model/report-model';

/** The shape of `reports/styles/report-style.json` (sizes in points, colours `#rrggbb`). */
export interface HeadingStyle {
  fontSize: number;
  color: string;
  bold: boolean;
  spaceBefore: number;
  spaceAfter: number;
  ruleBelow: boolean;
}

export interface SubheadingStyle {
  fontSize: number;
  color: string;
  spaceBefore: number;
  spaceAfter: number;
}

export interface ReportStyle {
  fontFamily: string;
  fontFiles: { regular: string; italic: string; semibold: string; bold: string; boldItalic: string };
  palette: {
    text: string;
    muted: string;
    accent: string;
    accentLight: string;
    rule: string;
    ruleLight: string;
    link: string;
    tableHeaderBackground: string;
    tableHeaderText: string;
    groupRowBackground: string;
    subtotalRowBackground: string;
    totalRowBackground: string;
    coverRule: string;
  };
  page: { size: 'A4'; width: number; height: number; marginTop: number; marginBottom: number; marginLeft: number; marginRight: number };
  runningHeader: { fontSize: number; color: string; baselineFromTop: number; ruleFromTop: number; ruleColor: string };
  footer: { fontSize: number; color: string; baselineFromBottom: number; template: string };
  /** "BOZZA" on every page of a draft, right-aligned on the running header's line. */
  draftMark: { fontSize: number; color: string };
  /** Table stamps such as "(segue)". */
  continuation: { color: string };
  text: { bodySize: number; lineHeight: number; noteSize: number; paragraphSpacing: number; bodyAlignment: 'justify' | 'left' };
  headings: Record<SectionKind, HeadingStyle>;
  subheadings: Record<'1' | '2' | '3', SubheadingStyle>;
  tables: {
    fontSize: number;
    wideFontSize: number;
    wideColumnCount: number;
    cellPaddingX: number;
    cellPaddingY: number;
    lineWidth: number;
    spaceBefore: number;
    spaceAfter: number;
    footnoteSize: number;
    flagSymbol: string;
    leadLabel: string;
  };
  cover: { enteHeadingSize: number; titleSize: number; subtitleSize: number; scopeLineSize: number; issuingOfficeSize: number; topOffset: number };
  toc: { titleSize: number; entrySize: number; entrySpacing: number; indent: number; pageLabel: string };
}

let cached: ReportStyle | null = null;

/** The report style shipped in `reports/styles/report-style.json` (read once per process). */
export function loadReportStyle(): ReportStyle {
  if (!cached) cached = JSON.parse(readFileSync(join(reportAssetsDir(), 'styles', 'report-style.json'), 'utf8')) as ReportStyle;
  return cached;
}

/** Absolute path of one of the report's font files. */
export function reportFontPath(style: ReportStyle, face: keyof ReportStyle['fontFiles']): string {
  return join(reportAssetsDir(), 'fonts', style.fontFiles[face]);
}

/** "Pagina {page} di {pages}" → "Pagina 3 di 180". */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));
}
