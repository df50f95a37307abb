/**
 * Reads the "Indicatori: risultati raggiunti al 30/06/2020" blocks of an operational objective.
 */
import type { GoalData, IndicatorData, IndicatorResultData } from '../../dataset/plan-dataset';
import { toMarkdown } from './markdown';
import { classifyIndicator, classifyResult } from './result-classifier';
import type { SourceLine } from './source-lines';
import type { RawIndicatorBlock } from './structure-parser';
import { collapseWhitespace, isWhollyBold, plainText } from './text-cleanup';
import { PERIOD } from './goal-parser';

export interface ParsedIndicators {
  indicators: IndicatorData[];
  results: IndicatorResultData[];
  notes: string[];
}

interface RawIndicator {
  lineNo: number;
  name: string;
  result: string;
  groupLabel?: string;
  blockIndex: number;
}

/** Reads the cells of one row: name and result (the result may hold an HTML list). */
function rowParts(line: SourceLine): { name: string; result: string; hasTab: boolean } {
  if (line.cells) {
    const [name, ...rest] = line.cells;
    return { name, result: rest.filter((c) => c.trim() !== '').join(' '), hasTab: true };
  }
  return { name: line.text, result: '', hasTab: line.textRow === true };
}

export function parseIndicatorBlocks(opCode: string, blocks: RawIndicatorBlock[], goals: GoalData[]): ParsedIndicators {
  const raws: RawIndicator[] = [];
  const notes: string[] = [];
  blocks.forEach((block, blockIndex) => {
    let group: string | undefined;
    let looseName: SourceLine | undefined;
    for (const line of block.lines) {
      const { name, result, hasTab } = rowParts(line);
      const plainName = plainText(name);
      if (plainName === '' || /^-{2,}$/.test(plainName)) continue;
      if (result === '' && isWhollyBold(name)) {
        group = plainName;
        continue;
      }
      if (!hasTab) {
        // 1.02.02 prints its only indicator as two loose paragraphs: the name, then the result.
        if (!looseName) {
          looseName = line;
          continue;
        }
        raws.push({ lineNo: looseName.lineNo, name: plainText(looseName.text), result: line.text, groupLabel: group, blockIndex });
        notes.push(`${opCode}: indicator "${plainText(looseName.text).slice(0, 60)}…" is printed as two loose paragraphs (name, then result); read as one indicator.`);
        looseName = undefined;
        continue;
      }
      raws.push({ lineNo: line.lineNo, name: plainName, result, groupLabel: group, blockIndex });
    }
    if (looseName) throw new Error(`Line ${looseName.lineNo}: loose indicator text without a result`);
  });

  const grouped = raws.some((r) => r.groupLabel !== undefined);
  // 9.02.21: the rows before the first group label start with the title of finalità 1 itself.
  const leadingGoal = grouped ? goals.find((g) => g.title === raws[0]?.name) : undefined;
  const indicators: IndicatorData[] = [];
  const results: IndicatorResultData[] = [];
  raws.forEach((raw, i) => {
    const order = i + 1;
    let goalOrder: number | undefined;
    if (blocks.length > 1) goalOrder = blocks[raw.blockIndex].goalsBefore;
    else if (raw.groupLabel !== undefined) goalOrder = matchGoal(raw.groupLabel, goals, notes, opCode);
    else if (leadingGoal) goalOrder = leadingGoal.order;
    const reading = classifyIndicator(raw.name);
    indicators.push({
      opCode,
      order,
      ...(goalOrder !== undefined ? { goalOrder } : {}),
      ...(raw.groupLabel !== undefined ? { groupLabel: raw.groupLabel } : {}),
      name: raw.name,
      ...(reading.unit ? { unit: reading.unit } : {}),
      kind: reading.kind,
      polarity: reading.polarity,
      targets: [],
    });
    const text = resultText(raw.result);
    const r = classifyResult(text);
    results.push({ opCode, indicatorOrder: order, period: PERIOD, text, ...r });
  });
  return { indicators, results, notes };
}

function resultText(markup: string): string {
  if (/<li>/.test(markup)) return toMarkdown([{ lineNo: 0, text: markup }]);
  return collapseWhitespace(plainText(markup));
}

/** Group labels normally repeat a finalità title; one (9.02.15) abbreviates it, so fall back to word overlap. */
function matchGoal(label: string, goals: GoalData[], notes: string[], opCode: string): number {
  const exact = goals.find((g) => g.title === label);
  if (exact) return exact.order;
  const words = (s: string): Set<string> => new Set(s.toLowerCase().split(/[^a-zàèéìòù]+/).filter((w) => w.length > 3));
  const target = words(label);
  let best: GoalData | undefined;
  let bestScore = 0;
  for (const g of goals) {
    const w = words(g.title);
    const common = [...target].filter((x) => w.has(x)).length;
    const score = common / new Set([...target, ...w]).size;
    if (score > bestScore) {
      bestScore = score;
      best = g;
    }
  }
  if (!best || bestScore < 0.3) throw new Error(`${opCode}: indicator group "${label}" matches no finalità`);
  const note = `${opCode}: indicator group "${label}" does not repeat a finalità title; linked to finalità ${best.order} "${best.title}" by word overlap.`;
  if (!notes.includes(note)) notes.push(note);
  return best.order;
}
