/**
 * The minutes printed before the cover: the council session of CC 195/2020 that approved the
 * status report. Read into a session record: when and how the council met, who chaired and
 * assisted, the roll call (present, absent, in the hall or by videoconference, tellers), each
 * roll-call vote with its proclaimed outcome, and the signatories. Every printed total is
 * recomputed from the names and must agree, or the import fails.
 */
import { voteTotals, type VoteTotals } from '@dup/domain/values';
import type { ActData, CouncilMemberData, CouncilMotionData, CouncilSessionData, CouncilSessionKind, VoteChoice } from '../../dataset/plan-dataset';
import { collapseWhitespace, plainText } from './text-cleanup';

const MONTHS = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];

const VOTE_WORDS: Readonly<Record<string, VoteChoice>> = {
  Favorevole: 'FAVOURABLE',
  Contrario: 'AGAINST',
  Astenuto: 'ABSTAINED',
  Assente: 'ABSENT',
};

const SESSION_KINDS: Readonly<Record<string, CouncilSessionKind>> = {
  ordinaria: 'ORDINARIA',
  straordinaria: 'STRAORDINARIA',
  urgente: 'URGENTE',
};

function must(re: RegExp, text: string, what: string): RegExpExecArray {
  const m = re.exec(text);
  if (!m) throw new Error(`Council minutes: ${what} not found`);
  return m;
}

/** "CARUSO PIETRO" and "Pietro Caruso" are the same person: same words in any order and case. */
const samePerson = (a: string, b: string): boolean => {
  const words = (s: string) => s.toLocaleUpperCase('it-IT').split(/\s+/).filter(Boolean).sort().join(' ');
  return words(a) === words(b);
};

/** The cells of a two-column roll-call row: `N  name  word  N  name  word`. */
function rollCallCells(line: string): { position: number; name: string; word: string }[] {
  const cells = line.split('\t').map((c) => c.trim());
  const out: { position: number; name: string; word: string }[] = [];
  for (let i = 0; i + 2 < cells.length + 1; i += 3) {
    if (!/^\d+$/.test(cells[i] ?? '')) continue;
    out.push({ position: Number(cells[i]), name: cells[i + 1] ?? '', word: cells[i + 2] ?? '' });
  }
  return out;
}

/** The rows of the roll-call table that starts after line `from`, up to its first "Totale" line. */
function rollCall(lines: string[], from: number): { rows: { position: number; name: string; word: string }[]; end: number } {
  const rows: { position: number; name: string; word: string }[] = [];
  let i = from;
  for (; i < lines.length && !/^Totale /.test(lines[i]); i++) rows.push(...rollCallCells(lines[i]));
  rows.sort((a, b) => a.position - b.position);
  return { rows, end: i };
}

function printedTotal(lines: string[], from: number, label: string): number {
  for (let i = from; i < Math.min(lines.length, from + 12); i++) {
    const m = new RegExp(`^Totale ${label}: (\\d+)`).exec(lines[i]);
    if (m) return Number(m[1]);
  }
  throw new Error(`Council minutes: "Totale ${label}" not found after line ${from + 1}`);
}

/**
 * Parses the minutes. `acts` are the front matter's acts (the session is tied to the one in the
 * heading); `mayor` is the mandate's mayor ("Luca Salvetti"), who sits in the council.
 */
export function parseCouncilSession(lines: string[], acts: readonly ActData[], mayor: string, notes: string[]): CouncilSessionData {
  const text = lines.join('\n');
  const heading = must(/Deliberazione del Consiglio Comunale n\. (\d+) del (\d{2})\/(\d{2})\/(\d{4})/, text, 'heading');
  const heldOn = `${heading[4]}-${heading[3]}-${heading[2]}`;
  const act = acts.find((a) => a.body === 'CONSIGLIO' && a.number === heading[1] && a.date === heldOn);
  if (!act) throw new Error(`Council minutes: act n. ${heading[1]} del ${heldOn} is not among the cited acts`);

  const opening = must(
    /L'anno \S+, il giorno \S+ del mese di (\S+), alle ore (\d{1,2})\.(\d{2}) (nella [^\n]+?) e, (ai sensi [^\n]+? in parziale videoconferenza [^\n]+?), si è riunito, alla presenza del Presidente ([^,]+), il Consiglio Comunale legalmente convocato in seduta (\w+)\./,
    text,
    'opening sentence',
  );
  if (MONTHS.indexOf(opening[1].toLowerCase()) + 1 !== Number(heading[3]))
    throw new Error(`Council minutes: month "${opening[1]}" differs from the act date ${heldOn}`);
  const kind = SESSION_KINDS[opening[7].toLowerCase()];
  if (!kind) throw new Error(`Council minutes: unknown session kind "${opening[7]}"`);
  const presidentName = opening[6].trim();
  const secretary = must(/Assiste il (Segretario Generale) (?:Dr\.ssa |Dott\.ssa |Dr\. |Dott\. )?([^\n.]+)\./, text, 'secretary');
  const tellers = must(/Come scrutatori vengono designati i sigg\.: ([^\n]+)/, text, 'tellers')[1]
    .split(',')
    .map((t) => collapseWhitespace(t));

  // Attendance: the roll call "Al momento della votazione"; (*) in the hall, (**) by videoconference.
  const attendanceStart = lines.findIndex((l) => /^Al momento della votazione risultano presenti/.test(l));
  if (attendanceStart < 0) throw new Error('Council minutes: attendance table not found');
  const attendance = rollCall(lines, attendanceStart + 1);
  const members: CouncilMemberData[] = attendance.rows.map((r) => {
    const m = /^(.+?)\s*(?:\((\*{1,3})\))?$/.exec(r.name);
    if (!m) throw new Error(`Council minutes: unreadable member "${r.name}"`);
    // The PDF conversion printed two surnames in mixed case ("SEMPlici", "GHIozzi"); the vote
    // tables and the tellers line print every name in capitals, which is the name kept.
    const name = collapseWhitespace(m[1]).toLocaleUpperCase('it-IT');
    if (name !== collapseWhitespace(m[1]))
      notes.push(`Council minutes: attendance row ${r.position} prints "${collapseWhitespace(m[1])}"; the vote tables print "${name}", which is kept.`);
    const present = r.word === 'Presente';
    if (!present && r.word !== 'Assente') throw new Error(`Council minutes: attendance "${r.word}" for ${name}`);
    if (present && !m[2]) throw new Error(`Council minutes: present member ${name} has no hall/videoconference mark`);
    const role = samePerson(name, presidentName) ? 'PRESIDENTE' : samePerson(name, mayor) ? 'SINDACO' : 'CONSIGLIERE';
    return {
      position: r.position,
      name,
      role,
      present,
      ...(present ? { attendanceMode: m[2] === '*' ? ('IN_PERSON' as const) : ('REMOTE' as const) } : {}),
      teller: tellers.includes(name),
    };
  });
  if (members.some((m, i) => m.position !== i + 1)) throw new Error('Council minutes: the roll call is not numbered 1..n');
  for (const t of tellers) if (!members.some((m) => m.name === t)) throw new Error(`Council minutes: teller ${t} not in the roll call`);
  for (const role of ['PRESIDENTE', 'SINDACO'] as const) {
    if (members.filter((m) => m.role === role).length !== 1) throw new Error(`Council minutes: ${role} not found exactly once in the roll call`);
  }

  const legend = must(/Totale Presenti: (\d+) \[\(\*\) (\d+) in aula consiliare \(\*+\) (\d+) in videoconferenza\]/, text, 'attendance totals');
  const absentTotal = printedTotal(lines, attendance.end, 'Assenti');
  const present = members.filter((m) => m.present);
  const check: [string, number, number][] = [
    ['present', Number(legend[1]), present.length],
    ['in the hall', Number(legend[2]), present.filter((m) => m.attendanceMode === 'IN_PERSON').length],
    ['by videoconference', Number(legend[3]), present.filter((m) => m.attendanceMode === 'REMOTE').length],
    ['absent', absentTotal, members.length - present.length],
  ];
  for (const [what, printed, counted] of check) {
    if (printed !== counted) throw new Error(`Council minutes: ${printed} printed ${what}, ${counted} counted`);
  }
  if (/\(\*\*\*\) \d+ in videoconferenza/.test(text)) {
    notes.push(
      'Council minutes: the attendance legend prints "(***) 27 in videoconferenza" while the rows are marked "(**)": read as the same mark (27 rows, as printed).',
    );
  }

  const motions = parseMotions(lines, members);
  const signatories = parseSignatories(lines);
  return {
    actKey: act.key,
    heldOn,
    startTime: `${opening[2].padStart(2, '0')}:${opening[3]}`,
    kind,
    venue: opening[4],
    remoteAttendance: opening[5],
    presidentName,
    secretaryRole: secretary[1],
    secretaryName: collapseWhitespace(secretary[2]),
    members,
    motions,
    signatories,
  };
}

/**
 * Each "La votazione riporta il seguente risultato:" starts a roll-call vote. The first puts the
 * deliberation to the vote; the one after the President's proposal of immediate execution
 * (art. 134 c. 4 TUEL) is on immediate executability.
 */
function parseMotions(lines: string[], members: CouncilMemberData[]): CouncilMotionData[] {
  const motions: CouncilMotionData[] = [];
  const starts = lines.flatMap((l, i) => (/^La votazione riporta il seguente risultato:/.test(l) ? [i] : []));
  if (starts.length === 0) throw new Error('Council minutes: no vote found');
  for (const start of starts) {
    const table = rollCall(lines, start + 1);
    if (table.rows.length !== members.length)
      throw new Error(`Council minutes: vote at line ${start + 1} lists ${table.rows.length} members, not ${members.length}`);
    const votes = table.rows.map((r) => {
      const member = members[r.position - 1];
      if (r.name.toLocaleUpperCase('it-IT') !== member.name)
        throw new Error(`Council minutes: vote row ${r.position} is "${r.name}", the roll call has "${member.name}"`);
      const choice = VOTE_WORDS[r.word];
      if (!choice) throw new Error(`Council minutes: unknown vote "${r.word}" for ${member.name}`);
      if (!member.present && choice !== 'ABSENT') throw new Error(`Council minutes: absent ${member.name} votes "${r.word}"`);
      return { memberName: member.name, choice };
    });
    const totals = voteTotals(votes.map((v) => v.choice));
    const printed: Partial<Record<keyof VoteTotals, number>> = {
      voters: printedTotal(lines, table.end, 'Votanti'),
      favourable: printedTotal(lines, table.end, 'Favorevoli'),
      against: printedTotal(lines, table.end, 'Contrari'),
      abstained: printedTotal(lines, table.end, 'Astenuti'),
    };
    for (const [key, value] of Object.entries(printed)) {
      if (totals[key as keyof VoteTotals] !== value)
        throw new Error(`Council minutes: vote at line ${start + 1}: ${value} ${key} printed, ${totals[key as keyof VoteTotals]} counted`);
    }

    // The sentence just before the table says what is voted; the first non-total line after it proclaims the outcome.
    const before =
      lines
        .slice(0, start)
        .reverse()
        .find((l) => l.trim() !== '') ?? '';
    const after = lines.slice(table.end).find((l) => l.trim() !== '' && !/^Totale /.test(l)) ?? '';
    const immediate = /immediata esecuzione/.test(before);
    const description = immediate ? plainText(before) : deliberationCall(lines);
    const outcomeText = plainText(after);
    const outcome = /approvata|accolta/.test(outcomeText) ? 'APPROVED' : /respinta|non è approvata/.test(outcomeText) ? 'REJECTED' : null;
    if (!outcome) throw new Error(`Council minutes: no outcome after the vote at line ${start + 1}`);
    motions.push({ position: motions.length + 1, kind: immediate ? 'IMMEDIATE_EXECUTABILITY' : 'DELIBERATION', description, outcome, outcomeText, votes });
  }
  return motions;
}

/** The President's call to vote on the deliberation, a clause of the "Sentiti gli interventi…" paragraph. */
function deliberationCall(lines: string[]): string {
  const m = must(/(il Presidente invita i componenti del Consiglio Comunale a procedere alla votazione [^;]+);/, lines.join('\n'), 'call to vote');
  return `Il${m[1].slice(2)}.`;
}

/** "Letto, approvato e sottoscritto digitalmente:" then office / name pairs, up to the cover. */
function parseSignatories(lines: string[]): { role: string; name: string }[] {
  const start = lines.findIndex((l) => /^Letto, approvato e sottoscritto/.test(l));
  if (start < 0) throw new Error('Council minutes: signatures not found');
  const out: { role: string; name: string }[] = [];
  let role: string | null = null;
  for (const raw of lines.slice(start + 1)) {
    const l = plainText(raw);
    if (l === '') continue;
    if (/^COMUNE DI /.test(l)) break;
    if (role === null) role = l;
    else {
      out.push({ role, name: l });
      role = null;
    }
  }
  if (out.length === 0 || role !== null) throw new Error('Council minutes: signatures are not office/name pairs');
  return out;
}
