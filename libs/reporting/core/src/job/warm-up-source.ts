import { REPORT_TEXT_KEYS } from '@dup/domain/values';
import type {
  ReportSource,
  ReportTexts,
  SourceAct,
  SourceGoal,
  SourceGoalDepartment,
  SourceIndicator,
  SourceMandateLine,
  SourceOperationalObjective,
  SourceSpendingRow,
  SourceStrategicObjective,
} from '../builder/report-source';

/**
 * A synthetic plan shaped like a real half-year report, for warming up the threads that render
 * reports. V8 only reaches its steady speed on this code after laying out several documents'
 * worth of it: its optimised code, its pretenuring decisions and its heap sizes follow the work
 * actually seen, and an 8-page sample warms little of what a real report exercises (the model
 * build with Markdown narratives, goal and indicator tables that break across pages, the
 * spending table, the SOMMARIO, assembling the parts). This one has all of it, with a made-up
 * Italian vocabulary: nothing of any real plan is needed at start-up.
 */
export interface WarmUpSourceOptions {
  /** Varies the text between rounds (default 0). */
  seed?: number;
  /** Mandate lines (default 4: about 50 pages, a third of Livorno's report). */
  mandateLines?: number;
}

const WORDS = (
  'attività amministrazione servizi città comunale territorio interventi progetto progetti sviluppo ' +
  'gestione cittadini qualità risorse programma realizzazione procedure obiettivo settore uffici ' +
  'percorso partecipazione sostenibilità ambientale innovazione digitale mobilità urbana scuole ' +
  'cultura sociale welfare famiglie imprese lavoro turismo porto verde pubblico pubblica patrimonio ' +
  'manutenzione straordinaria ordinaria sicurezza prevenzione controllo monitoraggio valutazione ' +
  'trasparenza accessibilità regolamento delibera Giunta Consiglio approvazione affidamento gara ' +
  'finanziamento regionale europeo nazionale bando avviso iniziative incontri tavoli associazioni ' +
  'quartieri periferie rigenerazione edilizia abitativa strade illuminazione rifiuti raccolta ' +
  'differenziata energia efficienza edifici impianti sportivi biblioteche musei eventi promozione ' +
  'formazione personale organizzazione processi semplificazione sportello telematico servizio ' +
  'utenti anziani giovani minori disabilità inclusione integrazione casa emergenza protezione ' +
  'civile popolazione dati analisi studio piano strumenti urbanistici variante approvato adottato ' +
  'avviato concluso completato previsto rinviato semestre anno fase prima seconda nuova nuovo ' +
  'entro corso attraverso mediante secondo verso oltre presso durante nonché inoltre tuttavia ' +
  'pertanto quindi già ancora sempre più meno molto alcuni diverse numerose principali specifiche'
).split(' ');
const SHORT = 'il la le gli i di del della dei delle a al alla ai con per su nel nella tra e o è che un una'.split(' ');
const DEPARTMENTS = [
  ['URB', 'Urbanistica e programmi complessi'],
  ['LLPP', 'Lavori pubblici e assetto del territorio'],
  ['SOC', 'Politiche sociali e sociosanitarie'],
  ['CULT', 'Cultura, turismo ed eventi'],
  ['AMB', 'Ambiente e verde urbano'],
  ['SVIL', 'Sviluppo economico e attività produttive'],
  ['EDU', 'Servizi educativi e scolastici'],
  ['DIG', 'Sistemi informativi e innovazione'],
  ['POL', 'Polizia municipale e protezione civile'],
  ['BIL', 'Bilancio e programmazione'],
] as const;
const MISSIONS = [
  ['01', 'Servizi istituzionali, generali e di gestione', ['Organi istituzionali', 'Segreteria generale', 'Gestione economica e finanziaria', 'Ufficio tecnico']],
  ['04', 'Istruzione e diritto allo studio', ['Istruzione prescolastica', 'Altri ordini di istruzione', 'Servizi ausiliari all’istruzione']],
  ['05', 'Tutela e valorizzazione dei beni e delle attività culturali', ['Valorizzazione dei beni di interesse storico', 'Attività culturali e interventi diversi']],
  ['08', 'Assetto del territorio ed edilizia abitativa', ['Urbanistica e assetto del territorio', 'Edilizia residenziale pubblica']],
  ['09', 'Sviluppo sostenibile e tutela del territorio e dell’ambiente', ['Difesa del suolo', 'Tutela, valorizzazione e recupero ambientale', 'Rifiuti']],
  ['10', 'Trasporti e diritto alla mobilità', ['Trasporto pubblico locale', 'Viabilità e infrastrutture stradali']],
  ['12', 'Diritti sociali, politiche sociali e famiglia', ['Interventi per l’infanzia e i minori', 'Interventi per la disabilità', 'Interventi per gli anziani']],
] as const;
const STATES = ['REPORTED', 'REPORTED', 'REPORTED', 'DEFERRED', 'EMPTY'] as const;

/** mulberry32: a small seeded generator, so the same options always give the same plan. */
function random(seed: number): () => number {
  let a = (seed * 0x9e3779b9) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Writer {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = random(seed + 1);
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }
  sentence(words: number): string {
    const out: string[] = [];
    for (let i = 0; i < words; i++) {
      const r = this.int(10);
      if (r < 3) out.push(this.pick(SHORT));
      else if (r === 3) out.push(`${this.int(400) + 1}`);
      else out.push(this.pick(WORDS));
    }
    const s = out.join(' ');
    const tail = this.int(8) === 0 ? ` (${this.pick(WORDS)} n. ${this.int(900) + 1}/2020)` : '';
    return `${s[0].toUpperCase()}${s.slice(1)}${tail}.`;
  }
  paragraph(sentences: number): string {
    return Array.from({ length: sentences }, () => this.sentence(8 + this.int(18))).join(' ');
  }
  title(): string {
    const s = this.sentence(4 + this.int(8));
    return s.slice(0, -1);
  }
  /** A narrative as departments write them: paragraphs, now and then a list, bold or a sub-heading. */
  narrative(): string {
    const parts = [this.paragraph(2 + this.int(5))];
    if (this.int(4) === 0) parts.push(Array.from({ length: 2 + this.int(4) }, () => `- ${this.sentence(6 + this.int(14))}`).join('\n'));
    if (this.int(5) === 0) parts.push(`**${this.title()}**: ${this.paragraph(1 + this.int(3))}`);
    if (this.int(8) === 0) parts.push(`### ${this.title()}\n\n${this.paragraph(2)} *${this.title()}*.`);
    if (this.int(3) === 0) parts.push(this.paragraph(1 + this.int(4)));
    return parts.join('\n\n');
  }
  amount(max: number): string {
    return `${this.int(max)}.${String(this.int(100)).padStart(2, '0')}`;
  }
}

function act(w: Writer, body: string, n: number, date: string): SourceAct {
  return { body, kind: 'DELIBERAZIONE', number: String(n), date, subject: w.title() };
}

function goalDepartments(w: Writer): SourceGoalDepartment[] {
  const count = 1 + w.int(3);
  const first = w.int(DEPARTMENTS.length);
  return Array.from({ length: count }, (_, i) => {
    const [code, name] = DEPARTMENTS[(first + i * 3) % DEPARTMENTS.length];
    const years = [2020, 2021, 2022].filter((y) => y === 2020 || w.int(4) > 0);
    return { position: i + 1, department: { code, name }, allDepartments: false, allDepartmentsLabel: null, printedName: name, lead: i === 0, years, note: null };
  });
}

function goal(w: Writer, id: string, position: number): SourceGoal {
  const deferred = w.int(12) === 0;
  return {
    id,
    position,
    title: w.title(),
    description: w.paragraph(2 + w.int(5)),
    departmentsHeading: null,
    departments: goalDepartments(w),
    statusList: [
      {
        period: '2020-06-30',
        narrative: deferred ? '' : w.narrative(),
        asOfLabel: '',
        declaredState: deferred ? 'DEFERRED' : null,
        percentComplete: null,
        deferredTo: deferred ? '2020-12-31' : null,
        deferralText: null,
      },
    ],
  };
}

function indicator(w: Writer, id: string, position: number, group: string | null): SourceIndicator {
  const kind = w.pick(['COUNT', 'COUNT', 'TEXT', 'MILESTONE', 'PERCENTAGE'] as const);
  const status = w.pick(STATES);
  const value = kind === 'COUNT' ? String(w.int(500)) : kind === 'PERCENTAGE' ? `${w.int(100)}.${w.int(10)}` : null;
  const text =
    status === 'DEFERRED'
      ? 'Dato disponibile al 31/12/2020'
      : status === 'EMPTY'
        ? ''
        : kind === 'TEXT' && w.int(4) === 0
          ? `${w.sentence(6)}\n\n- ${w.sentence(8)}\n- **${w.title()}**`
          : `${value === null ? '' : `N. ${value}: `}${w.sentence(4 + w.int(14))}`;
  return {
    id,
    position,
    name: `N. ${w.title().toLowerCase()}`,
    unit: kind === 'PERCENTAGE' ? '%' : null,
    kind,
    polarity: kind === 'COUNT' ? 'HIGHER_IS_BETTER' : 'NONE',
    groupLabel: group,
    goalPosition: null,
    targets: [],
    resultList: [{ period: '2020-06-30', text, value, unit: null, status, deferredTo: status === 'DEFERRED' ? '2020-12-31' : null }],
  };
}

function operationalObjective(w: Writer, soCode: string, index: number): SourceOperationalObjective {
  const code = `${soCode}.${String(index + 1).padStart(2, '0')}`;
  const [missionCode, missionName, programmes] = w.pick(MISSIONS);
  const person = `${w.pick(['Anna', 'Luca', 'Marta', 'Paolo', 'Giulia', 'Stefano'])} ${w.pick(['Rossi', 'Bianchi', 'Conti', 'Marini', 'Galli', 'Ferri'])}`;
  const groups = w.int(4) === 0 ? [w.title(), w.title()] : null;
  const indicators = Array.from({ length: 1 + w.int(6) }, (_, i) => indicator(w, `${code}-i${i}`, i + 1, groups ? groups[Math.min(1, i >> 1)] : null));
  return {
    id: code,
    code,
    title: w.title(),
    alternateTitles: [],
    ownerLabel: `Assessore ${person}`,
    goalsHeading: null,
    owners: [{ role: 'ASSESSORE', personName: person }],
    programmes: programmes.slice(0, 1 + w.int(programmes.length)).map((name, i) => ({ id: `${missionCode}.${i + 1}`, code: String(i + 1).padStart(2, '0'), name, mission: { code: missionCode, name: missionName } })),
    goals: Array.from({ length: 2 + w.int(4) }, (_, i) => goal(w, `${code}-g${i}`, i + 1)),
    indicators: w.int(5) === 0 ? [] : indicators,
    introducedBy: null,
  };
}

function strategicObjective(w: Writer, line: number, index: number): SourceStrategicObjective {
  const code = `${line}.${String(index + 1).padStart(2, '0')}`;
  return {
    id: code,
    code,
    title: w.title(),
    alternateTitles: [],
    description: [w.paragraph(3 + w.int(4)), w.paragraph(2 + w.int(4))].join('\n\n'),
    partecipate: w.int(3) === 0 ? `${w.title()} S.p.A.` : null,
    lineNumber: line,
    missions: MISSIONS.slice(0, 1 + w.int(4)).map(([c, name]) => ({ code: c, name })),
    operationalObjectives: Array.from({ length: 2 + w.int(3) }, (_, i) => operationalObjective(w, code, i)),
    introducedBy: null,
  };
}

function mandateLine(w: Writer, number: number): SourceMandateLine {
  return {
    number,
    title: w.title().toUpperCase(),
    alternateTitles: [],
    description: `${w.paragraph(3)}\n\n${w.paragraph(2)}`,
    directions: Array.from({ length: 2 + w.int(5) }, (_, i) => ({ position: i + 1, text: w.sentence(6 + w.int(10)) })),
    strategicObjectives: Array.from({ length: 1 + w.int(3) }, (_, i) => strategicObjective(w, number, i)),
  };
}

function spending(w: Writer): SourceSpendingRow[] {
  const rows: SourceSpendingRow[] = [];
  for (const [missionCode, missionName, programmes] of MISSIONS)
    programmes.forEach((programmeName, i) => {
      const zero = w.int(10) === 0;
      rows.push({
        missionCode,
        missionName,
        programmeCode: String(i + 1).padStart(2, '0'),
        programmeName,
        amounts: {
          assestato: w.amount(9_000_000),
          impegnato: w.amount(5_000_000),
          liquidatoCompetenza: w.amount(3_000_000),
          residuiPassivi: zero ? '0.00' : w.amount(800_000),
          liquidatoResidui: zero ? '0.00' : w.amount(300_000),
        },
      });
    });
  return rows;
}

function texts(w: Writer): ReportTexts {
  const entries = REPORT_TEXT_KEYS.map((key) => [key, [w.paragraph(4), `### ${w.title()}`, w.paragraph(5), `- ${w.sentence(12)}\n- ${w.sentence(9)}`, w.paragraph(3)].join('\n\n')]);
  return Object.fromEntries(entries) as ReportTexts;
}

/** The synthetic report source (see WarmUpSourceOptions). */
export function warmUpReportSource(options: WarmUpSourceOptions = {}): ReportSource {
  const w = new Writer(options.seed ?? 0);
  const lines = Math.max(1, options.mandateLines ?? 4);
  return {
    plan: {
      ente: { name: 'Comune di Esempio', istatCode: '000000', issuingOffice: ['Direzione generale', 'Ufficio programmazione e controllo'] },
      mandate: { title: 'Programma di mandato', startYear: 2019, endYear: 2024, mayor: 'Sindaco', approvedBy: act(w, 'CONSIGLIO', 12, '2019-07-30') },
      acts: [
        { role: 'DRAFT', note: null, act: act(w, 'GIUNTA', 301, '2019-11-14') },
        { role: 'APPROVAL', note: null, act: act(w, 'CONSIGLIO', 88, '2020-02-20') },
      ],
      amendments: [],
      mandateLines: Array.from({ length: lines }, (_, i) => mandateLine(w, i + 1)),
    },
    edition: { code: '2020-2022', title: 'Documento Unico di Programmazione 2020-2022', startYear: 2020, endYear: 2022 },
    period: { cutoffDate: '2020-06-30', kind: 'MID_YEAR', state: 'OPEN' },
    spending: spending(w),
    texts: texts(w),
    scope: { kind: 'full' },
    departments: DEPARTMENTS.map(([code, name]) => ({ code, name })),
    dataVersion: null,
    generatedAt: '2020-07-01T00:00:00.000Z',
  };
}
