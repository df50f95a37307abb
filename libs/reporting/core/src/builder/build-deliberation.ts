import {
  ATTENDANCE_MODE_LABELS,
  COUNCIL_MEMBER_ROLE_LABELS,
  COUNCIL_SESSION_KIND_LABELS,
  MOTION_KIND_LABELS,
  MOTION_OUTCOME_LABELS,
  VOTE_CHOICE_LABELS,
  voteTotals,
} from '@dup/domain/values';
import type { Block, Cell, Column, Inline, Section, Table } from '../model/report-model';
import { formatDate, formatInteger } from '../model/italian-format';
import type { SourceCouncilMember, SourceCouncilMotion, SourceCouncilSession } from './report-source';

/**
 * The report's opening section for a period the council approved: the minutes of the approving
 * session, as the approved document prints them before its cover (Livorno, CC 195/2020): the
 * subject, when and how the council met, who chaired and assisted, the tellers, the roll call
 * (present in the hall or by videoconference, absent), each vote with its totals, the
 * abstainers and absentees by name and the proclaimed outcome, and the signatories. Every total
 * is computed from the names.
 */

const label = <K extends string>(labels: Readonly<Record<K, string>>, key: string, fallback: string): string =>
  (labels as Readonly<Record<string, string>>)[key] ?? fallback;

const run = (text: string, bold = false): Inline[number] => (bold ? { text, bold } : { text });
const para = (content: Inline, role: 'body' | 'label' | 'note' = 'body'): Block => ({ kind: 'paragraph', role, content });
const names = (members: SourceCouncilMember[]): string => members.map((m) => m.name).join(', ');

/** Short column headers of the vote columns. */
const MOTION_COLUMN_HEADERS: Readonly<Record<string, string>> = {
  DELIBERATION: 'Voto sulla deliberazione',
  IMMEDIATE_EXECUTABILITY: 'Voto sulla immediata eseguibilità',
};

/** "Presente in videoconferenza", "Presente in aula consiliare", "Assente". */
function presence(m: SourceCouncilMember): string {
  if (!m.present) return 'Assente';
  if (!m.attendanceMode) return 'Presente';
  return `Presente ${label(ATTENDANCE_MODE_LABELS, m.attendanceMode, '').toLocaleLowerCase('it-IT')}`;
}

/** "SALVETTI LUCA (Sindaco)": the office is named for the mayor and the president. */
function memberLabel(m: SourceCouncilMember): string {
  return m.role === 'CONSIGLIERE' ? m.name : `${m.name} (${label(COUNCIL_MEMBER_ROLE_LABELS, m.role, m.role)})`;
}

function motionTitle(m: SourceCouncilMotion): string {
  return `${m.position}. ${label(MOTION_KIND_LABELS, m.kind, 'Votazione')}`;
}

/** One row per member: number, name, presence, then the member's vote on each motion. */
export function deliberationTable(session: SourceCouncilSession, id: string, footnotes: string[]): Table {
  const columns: Column[] = [
    { key: 'n', header: 'N.', type: 'integer', width: 0.6, align: 'right' },
    { key: 'member', header: 'Consigliere', type: 'text', width: 4, align: 'left' },
    { key: 'presence', header: 'Presenza', type: 'text', width: 3, align: 'left' },
    ...session.motions.map((m): Column => ({
      key: `motion-${m.position}`,
      header: MOTION_COLUMN_HEADERS[m.kind] ?? `Voto ${m.position}`,
      type: 'text',
      width: 2.4,
      align: 'left',
    })),
  ];
  const choiceOf = session.motions.map((m) => new Map(m.votes.map((v) => [v.memberPosition, v.choice])));
  return {
    id,
    caption: `Presenze e voti nominativi – ${session.act.body === 'CONSIGLIO' ? 'seduta' : 'riunione'} del ${formatDate(session.heldOn)}`,
    captionVisible: true,
    columns,
    rows: session.members.map((m) => ({
      kind: 'data',
      cells: [
        { type: 'integer', value: m.position },
        { type: 'text', text: memberLabel(m) },
        { type: 'text', text: presence(m) },
        ...choiceOf.map((votes): Cell => {
          const choice = votes.get(m.position);
          return choice ? { type: 'text', text: label(VOTE_CHOICE_LABELS, choice, choice) } : { type: 'empty' };
        }),
      ],
    })),
    repeatHeader: true,
    footnotes,
  };
}

/** "Totale votanti: 29 – Favorevoli: 18 – Contrari: 11 – Astenuti: 1", as the minutes count. */
function totalsLine(m: SourceCouncilMotion): string {
  const t = voteTotals(m.votes.map((v) => v.choice));
  return `Totale votanti: ${formatInteger(t.voters)} – Favorevoli: ${formatInteger(t.favourable)} – Contrari: ${formatInteger(t.against)} – Astenuti: ${formatInteger(t.abstained)}`;
}

function membersVoting(session: SourceCouncilSession, m: SourceCouncilMotion, choice: string): SourceCouncilMember[] {
  const positions = new Set(m.votes.filter((v) => v.choice === choice).map((v) => v.memberPosition));
  return session.members.filter((x) => positions.has(x.position));
}

function motionBlocks(session: SourceCouncilSession, m: SourceCouncilMotion): Block[] {
  const abstained = membersVoting(session, m, 'ABSTAINED');
  const against = membersVoting(session, m, 'AGAINST');
  return [
    { kind: 'subheading', level: 2, content: [run(motionTitle(m))] },
    para([run(m.description)]),
    para([run(totalsLine(m), true)]),
    para([run('Contrari: ', true), run(against.length ? names(against) : 'nessuno')]),
    para([run('Astenuti: ', true), run(abstained.length ? names(abstained) : 'nessuno')]),
    para([run('Esito: ', true), run(`${label(MOTION_OUTCOME_LABELS, m.outcome, m.outcome)}. `), run(m.outcomeText)]),
  ];
}

/** The Excel sheet's notes: the session in one line, then each vote's totals, names and outcome. */
function sheetFootnotes(session: SourceCouncilSession, heading: string): string[] {
  return [
    heading,
    ...session.motions.map((m) => {
      const abstained = membersVoting(session, m, 'ABSTAINED');
      return `${motionTitle(m)}: ${totalsLine(m)}${abstained.length ? ` (astenuti: ${names(abstained)})` : ''}. Esito: ${label(MOTION_OUTCOME_LABELS, m.outcome, m.outcome).toLocaleLowerCase('it-IT')}.`;
    }),
    ...session.signatories.map((s) => `${s.role}: ${s.name}`),
  ];
}

/** "Seduta straordinaria del 13/11/2020, alle ore 14.45, nella residenza comunale … e, ai sensi …." */
function sessionSentence(session: SourceCouncilSession): string {
  const time = session.startTime ? `, alle ore ${session.startTime.replace(':', '.')}` : '';
  const remote = session.remoteAttendance ? ` e, ${session.remoteAttendance}` : '';
  return `${label(COUNCIL_SESSION_KIND_LABELS, session.kind, 'Seduta')} del ${formatDate(session.heldOn)}${time}, ${session.venue}${remote}.`;
}

export interface OpeningSection {
  section: Section;
  /** The attendance and votes for the spreadsheet, with the totals as notes. */
  sheet: Table;
}

/**
 * The opening section, titled with the act ("Deliberazione del Consiglio Comunale n. 195 del
 * 13/11/2020"); `actTitle` is passed in so that the act wording stays the builder's one.
 */
export function openingSection(session: SourceCouncilSession, actTitle: string): OpeningSection {
  const present = session.members.filter((m) => m.present);
  const absent = session.members.filter((m) => !m.present);
  const inHall = present.filter((m) => m.attendanceMode === 'IN_PERSON').length;
  const remote = present.filter((m) => m.attendanceMode === 'REMOTE').length;
  const modes = inHall + remote > 0 ? ` (${formatInteger(inHall)} in aula consiliare, ${formatInteger(remote)} in videoconferenza)` : '';
  const tellers = session.members.filter((m) => m.teller);
  const sessionLine = sessionSentence(session);

  const blocks: Block[] = [
    para([run('Estratto dal processo verbale')], 'note'),
    para([run('Oggetto: ', true), run(session.act.subject)]),
    para([run(sessionLine)]),
    para([run('Presidente: ', true), run(`${session.presidentName}. Assiste il ${session.secretaryRole} ${session.secretaryName}.`)]),
    ...(tellers.length ? [para([run('Scrutatori: ', true), run(names(tellers))])] : []),
    { kind: 'subheading', level: 1, content: [run('Presenze al momento della votazione')] },
    para([
      run(
        `Totale presenti: ${formatInteger(present.length)}${modes}. Totale assenti: ${formatInteger(absent.length)}${absent.length ? ` (${names(absent)})` : ''}.`,
      ),
    ]),
    { kind: 'table', table: deliberationTable(session, 'tab-deliberazione-voti', []) },
    { kind: 'subheading', level: 1, content: [run('Votazioni')] },
    ...session.motions.flatMap((m) => motionBlocks(session, m)),
    ...(session.signatories.length
      ? [{ kind: 'subheading', level: 1, content: [run('Firme')] } as Block, ...session.signatories.map((s) => para([run(`${s.role}: `, true), run(s.name)]))]
      : []),
  ];
  const section: Section = {
    id: 'deliberazione',
    kind: 'chapter',
    // In capitals like the other chapter headings; the SOMMARIO entry keeps the act's wording.
    title: actTitle.toLocaleUpperCase('it-IT'),
    tocLabel: actTitle,
    inToc: true,
    inOutline: true,
    pageBreakBefore: true,
    blocks,
    children: [],
    trailingBlocks: [],
  };
  return {
    section,
    sheet: deliberationTable(session, 'tab-deliberazione-foglio', sheetFootnotes(session, `${actTitle} – ${session.act.subject}. ${sessionLine}`)),
  };
}
