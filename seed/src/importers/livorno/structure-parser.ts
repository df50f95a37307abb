/**
 * Walks chapter 3 (mandate lines down to indicators) and groups its logical lines by element.
 * It decides *where* each element starts and ends; the goal, indicator and header readers decide
 * what the collected lines mean.
 */
import { readGridRow } from './departments';
import { classify, explodeLines, type ClassifiedLine, type SourceLine } from './source-lines';

export interface RawMandateLine {
  number: number;
  lineNo: number;
  titleParts: string[];
  descLines: SourceLine[];
  directionLines: SourceLine[];
}

export interface RawMission {
  code: string;
  label: string;
}

export interface RawStrategic {
  code: string;
  lineNo: number;
  lineNumber: number;
  titleParts: string[];
  missions: RawMission[];
  partecipateParts: string[];
  descLines: SourceLine[];
}

export interface RawGoal {
  lineNo: number;
  header: ClassifiedLine;
  gridLines: SourceLine[];
  descLines: SourceLine[];
  statusLabel?: string;
  deferral?: string;
  narrativeLines: SourceLine[];
}

export interface RawIndicatorBlock {
  lineNo: number;
  /** Number of goals printed before this block. */
  goalsBefore: number;
  lines: SourceLine[];
}

export interface RawOperational {
  code: string;
  lineNo: number;
  strategicCode: string;
  titleParts: string[];
  ownerWord?: string;
  ownerParts: string[];
  programmes: { mission: string; programme: string }[];
  goalsHeading?: string;
  goals: RawGoal[];
  indicatorBlocks: RawIndicatorBlock[];
}

export interface RawBody {
  lines: RawMandateLine[];
  strategic: RawStrategic[];
  operational: RawOperational[];
}

type State =
  | 'lineTitle'
  | 'lineDesc'
  | 'directions'
  | 'soHead'
  | 'soDesc'
  | 'opHead'
  | 'goalGrid'
  | 'goalDesc'
  | 'goalStatus'
  | 'indicators';

/** Parses chapter 3: `rawLines` starts at the first "LINEA DI MANDATO" line (number `firstLineNo`). */
export function parseBody(rawLines: string[], firstLineNo: number): RawBody {
  const body: RawBody = { lines: [], strategic: [], operational: [] };
  let state: State | undefined;
  let line: RawMandateLine | undefined;
  let so: RawStrategic | undefined;
  let op: RawOperational | undefined;
  let goal: RawGoal | undefined;
  let block: RawIndicatorBlock | undefined;
  let awaiting: 'partecipate' | 'owner' | undefined;
  let lastMission: string | undefined;

  const fail = (c: ClassifiedLine, why: string): never => {
    throw new Error(`Line ${c.line.lineNo}: ${why}: "${c.plain.slice(0, 80)}"`);
  };

  for (const source of explodeLines(rawLines, firstLineNo)) {
    const c = classify(source);
    if (c.kind === 'chapter4') break;

    switch (c.kind) {
      case 'mandateLine':
        line = { number: Number(c.groups[0]), lineNo: source.lineNo, titleParts: c.groups[1] ? [c.groups[1]] : [], descLines: [], directionLines: [] };
        body.lines.push(line);
        state = c.groups[1] ? 'lineDesc' : 'lineTitle';
        continue;
      case 'directions':
        if (state !== 'lineDesc') fail(c, 'strategic directions outside a mandate line');
        state = 'directions';
        continue;
      case 'strategic':
        if (!line) fail(c, 'strategic objective before any mandate line');
        so = { code: c.groups[0], lineNo: source.lineNo, lineNumber: line!.number, titleParts: c.groups[1] ? [c.groups[1]] : [], missions: [], partecipateParts: [], descLines: [] };
        body.strategic.push(so);
        state = 'soHead';
        awaiting = undefined;
        continue;
      case 'operational':
        if (!so) fail(c, 'operational objective before any strategic objective');
        op = {
          code: c.groups[0],
          lineNo: source.lineNo,
          strategicCode: so!.code,
          titleParts: c.groups[1] ? [c.groups[1]] : [],
          ownerParts: [],
          programmes: [],
          goals: [],
          indicatorBlocks: [],
        };
        body.operational.push(op);
        state = 'opHead';
        awaiting = undefined;
        lastMission = undefined;
        continue;
      case 'goalHeader':
        if (!op) fail(c, 'finalità outside an operational objective');
        goal = { lineNo: source.lineNo, header: c, gridLines: [], descLines: [], narrativeLines: [] };
        op!.goals.push(goal);
        state = 'goalGrid';
        continue;
      case 'indicators':
        if (!op) fail(c, 'indicators outside an operational objective');
        block = { lineNo: source.lineNo, goalsBefore: op!.goals.length, lines: [] };
        op!.indicatorBlocks.push(block);
        state = 'indicators';
        continue;
      default:
        break;
    }

    switch (state) {
      case 'lineTitle':
        if (c.kind === 'blank') {
          if (line!.titleParts.length > 0) state = 'lineDesc';
        } else line!.titleParts.push(c.plain);
        break;
      case 'lineDesc':
        line!.descLines.push(source);
        break;
      case 'directions':
        line!.directionLines.push(source);
        break;
      case 'soHead':
        if (c.kind === 'blank' || c.kind === 'separator') break;
        if (c.kind === 'mission') so!.missions.push({ code: c.groups[0], label: c.plain });
        else if (c.kind === 'partecipate') {
          so!.partecipateParts.push(c.plain);
          awaiting = c.groups[0] ? undefined : 'partecipate';
        } else if (c.kind === 'description') state = 'soDesc';
        else if (awaiting === 'partecipate') {
          so!.partecipateParts.push(c.plain);
          awaiting = undefined;
        } else if (so!.missions.length === 0) so!.titleParts.push(c.plain);
        else fail(c, 'unexpected line in a strategic objective header');
        break;
      case 'soDesc':
        so!.descLines.push(source);
        break;
      case 'opHead':
        if (c.kind === 'blank' || c.kind === 'separator') break;
        if (c.kind === 'owner') {
          op!.ownerWord = c.groups[0];
          if (c.groups[1]) op!.ownerParts.push(c.groups[1]);
          else awaiting = 'owner';
        } else if (awaiting === 'owner') {
          op!.ownerParts.push(c.plain);
          awaiting = undefined;
        } else if (c.kind === 'mission') lastMission = c.groups[0];
        else if (c.kind === 'programme') {
          if (!lastMission) fail(c, 'programme before any mission');
          op!.programmes.push({ mission: lastMission!, programme: c.groups[0] });
        } else if (c.kind === 'goalsHeading') op!.goalsHeading = c.groups[0];
        else if (op!.ownerWord === undefined) op!.titleParts.push(c.plain);
        else fail(c, 'unexpected line in an operational objective header');
        break;
      case 'goalGrid':
        if (readGridRow(source)) {
          goal!.gridLines.push(source);
          break;
        }
        pushGoalBody(goal!, c);
        state = goal!.statusLabel !== undefined || goal!.deferral !== undefined ? 'goalStatus' : 'goalDesc';
        break;
      case 'goalDesc':
        pushGoalBody(goal!, c);
        if (goal!.statusLabel !== undefined || goal!.deferral !== undefined) state = 'goalStatus';
        break;
      case 'goalStatus':
        if (c.kind === 'status' || c.kind === 'deferral') fail(c, 'second status marker in one finalità');
        goal!.narrativeLines.push(source);
        break;
      case 'indicators':
        block!.lines.push(source);
        break;
      default:
        if (c.kind !== 'blank') fail(c, 'text outside any known element');
    }
  }
  return body;
}

function pushGoalBody(goal: RawGoal, c: ClassifiedLine): void {
  if (c.kind === 'status') goal.statusLabel = c.groups[0];
  else if (c.kind === 'deferral') goal.deferral = c.plain;
  else goal.descLines.push(c.line);
}
