import { voteTotals } from '@dup/domain/values';
import { parseCouncilSession } from './council-session';
import { livornoImport, livornoSourceText } from './test-source';
import { normaliseSource } from './text-cleanup';

const { dataset, notes } = livornoImport();
const session = dataset.councilSessions![0];
const names = (xs: { name: string }[]) => xs.map((x) => x.name);
const votesOf = (position: number, choice: string) => session.motions[position - 1].votes.filter((v) => v.choice === choice).map((v) => v.memberName);

describe('Livorno CC 195/2020 minutes: the session record', () => {
  it('is tied to the approving act, with date, time, kind, venue, president and secretary', () => {
    expect(dataset.councilSessions).toHaveLength(1);
    expect(session).toMatchObject({
      actKey: 'CC-195-2020',
      heldOn: '2020-11-13',
      startTime: '14:45',
      kind: 'STRAORDINARIA',
      venue: 'nella residenza comunale di Livorno nella sala delle adunanze',
      remoteAttendance: "ai sensi dell'art. 1, comma 9, lettera o) del DPCM 24 ottobre 2020 in parziale videoconferenza mediante la piattaforma Webex Cisco",
      presidentName: 'Pietro Caruso',
      secretaryRole: 'Segretario Generale',
      secretaryName: 'Maria Luisa Massai',
    });
    expect(dataset.periods[0].approvedByActKey).toBe(session.actKey);
  });

  it('has the 33 members, 30 present (3 in the hall, 27 by videoconference) and 3 absent by name', () => {
    expect(session.members).toHaveLength(33);
    expect(session.members.map((m) => m.position)).toEqual(Array.from({ length: 33 }, (_, i) => i + 1));
    const present = session.members.filter((m) => m.present);
    expect(present).toHaveLength(30);
    expect(names(session.members.filter((m) => !m.present))).toEqual(['TORNAR DANIELE', 'CORNIGLIA MARINA', 'GHIOZZI CARLO']);
    expect(names(present.filter((m) => m.attendanceMode === 'IN_PERSON'))).toEqual(['CARUSO PIETRO', 'SIMONI CINZIA', 'DI LIBERTI GIANLUCA']);
    expect(present.filter((m) => m.attendanceMode === 'REMOTE')).toHaveLength(27);
    expect(session.members.filter((m) => !m.present).every((m) => m.attendanceMode === undefined)).toBe(true);
    expect(names(session.members.filter((m) => m.teller))).toEqual(['CARUSO PIETRO', 'SIMONI CINZIA', 'DI LIBERTI GIANLUCA']);
    expect(session.members.find((m) => m.role === 'SINDACO')?.name).toBe('SALVETTI LUCA');
    expect(session.members.find((m) => m.role === 'PRESIDENTE')?.name).toBe('CARUSO PIETRO');
    expect(session.members[7].name).toBe('SEMPLICI CECILIA');
    expect(notes.some((n) => n.includes('"SEMPlici CECILIA"'))).toBe(true);
  });

  it('records the vote on the deliberation: 29 voting, 18 favourable, 11 against, 1 abstained (CARUSO PIETRO)', () => {
    const m = session.motions[0];
    expect(m).toMatchObject({ position: 1, kind: 'DELIBERATION', outcome: 'APPROVED' });
    expect(m.description).toBe(
      'Il Presidente invita i componenti del Consiglio Comunale a procedere alla votazione – per appello nominale – del sopra riportato schema di delibera.',
    );
    expect(m.outcomeText).toBe(
      "E pertanto, con il risultato di cui sopra – accertato e proclamato dal Presidente con l'assistenza degli scrutatori – la delibera relativa all'oggetto è approvata.",
    );
    expect(voteTotals(m.votes.map((v) => v.choice))).toEqual({ voters: 29, favourable: 18, against: 11, abstained: 1, absent: 3 });
    expect(votesOf(1, 'ABSTAINED')).toEqual(['CARUSO PIETRO']);
    expect(votesOf(1, 'AGAINST')).toEqual([
      'ROMITI ANDREA',
      'VACCARO COSTANZA',
      'PACCIARDI GIULIA',
      'DI LIBERTI GIANLUCA',
      'PERINI ALESSANDRO',
      'SORGENTE STELLA',
      'VECCE LUCA',
      'GRASSI LUCIA',
      'BRUCIATI MARCO',
      'BARALE VALENTINA',
      'TROTTA AURORA',
    ]);
    expect(votesOf(1, 'ABSENT')).toEqual(['TORNAR DANIELE', 'CORNIGLIA MARINA', 'GHIOZZI CARLO']);
  });

  it('records the vote on immediate executability: 30 voting, 19 favourable, 11 against, none abstained', () => {
    const m = session.motions[1];
    expect(session.motions).toHaveLength(2);
    expect(m).toMatchObject({ position: 2, kind: 'IMMEDIATE_EXECUTABILITY', outcome: 'APPROVED', outcomeText: 'La proposta è accolta.' });
    expect(m.description).toBe("Il Presidente propone – ai sensi dell'Art. 134 co.4 D.Lgs. 267/2000 – la immediata esecuzione del presente provvedimento.");
    expect(voteTotals(m.votes.map((v) => v.choice))).toEqual({ voters: 30, favourable: 19, against: 11, abstained: 0, absent: 3 });
    expect(votesOf(2, 'FAVOURABLE')).toContain('CARUSO PIETRO');
    expect(votesOf(2, 'AGAINST')).toEqual(votesOf(1, 'AGAINST'));
  });

  it('keeps the two signatories as printed', () => {
    expect(session.signatories).toEqual([
      { role: 'Il Presidente del Consiglio', name: 'Pietro Caruso' },
      { role: 'Il Segretario Generale', name: 'Maria Luisa Massai' },
    ]);
  });

  it('fails when a printed total disagrees with the names', () => {
    const lines = normaliseSource(livornoSourceText()).split('\n');
    const broken = lines.map((l) => (l === 'Totale Favorevoli: 18' ? 'Totale Favorevoli: 17' : l));
    expect(() => parseCouncilSession(broken, dataset.acts, 'Luca Salvetti', [])).toThrow('17 favourable printed, 18 counted');
    const firstVote = lines.findIndex((l) => l.startsWith('La votazione riporta'));
    const absent = lines.map((l, i) => (i > firstVote ? l.replace('12\tTORNAR DANIELE\tAssente', '12\tTORNAR DANIELE\tFavorevole') : l));
    expect(() => parseCouncilSession(absent, dataset.acts, 'Luca Salvetti', [])).toThrow('absent TORNAR DANIELE votes "Favorevole"');
  });
});
