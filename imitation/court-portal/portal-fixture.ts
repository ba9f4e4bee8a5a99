// The imitated portal's data: reference tables and cases from fixture/*.json, plus optional synthetic
// filler cases (for the benchmark's 200 result pages).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  HISTORY_EVENTS,
  type HistoryEventCode,
  type Instance,
  type PartyRole,
  type PortalLang,
} from './ui-text.ts';

type Bilingual = { readonly ru: string; readonly kk: string };

export interface PortalCourt {
  readonly code: string;
  readonly name: Bilingual;
  readonly region: Bilingual;
  readonly regionCode: string;
}

export interface PortalAct {
  readonly id: number;
  readonly kind: 'решение' | 'приговор' | 'постановление' | 'определение';
  readonly date: string;
  readonly instance: Instance;
  readonly closedHearing: boolean;
  readonly outcome: string;
  readonly awardedAmountKzt: number | null;
  readonly text: readonly string[];
  /** How the portal offers the act (default: an HTML view only). */
  readonly formats?: readonly ('html' | 'pdf' | 'docx')[];
}

export interface PortalCase {
  readonly id: number;
  readonly number: string;
  readonly court: string;
  readonly category: string;
  readonly lang: PortalLang;
  /** Whether the monitoring team would count it (the fixture's ground truth for the tests). */
  readonly speech: boolean;
  readonly judge: string;
  readonly registeredAt: string;
  readonly claimedAmountKzt: number | null;
  readonly parties: readonly { readonly role: PartyRole; readonly name: string }[];
  readonly history: readonly { readonly date: string; readonly event: HistoryEventCode }[];
  readonly hearings: readonly {
    readonly date: string;
    readonly time: string;
    readonly hall: string;
    readonly closed: boolean;
  }[];
  readonly acts: readonly PortalAct[];
}

export interface PortalData {
  readonly courts: readonly PortalCourt[];
  readonly regions: readonly { readonly code: string; readonly name: Bilingual }[];
  readonly categories: readonly { readonly code: string; readonly name: Bilingual }[];
  readonly actKinds: Readonly<Record<PortalAct['kind'], Bilingual>>;
  readonly cases: PortalCase[];
}

const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'fixture');

function readJson<T>(name: string): T {
  const path = join(FIXTURE_DIR, name);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (error) {
    throw new Error(`court-portal fixture ${path}: ${(error as Error).message}`);
  }
}

/** Loads the fixture and checks its cross-references, so a typo fails loudly at start-up. */
export function loadPortalData(extraCases = 0): PortalData {
  const ref = readJson<Omit<PortalData, 'cases'>>('portal.json');
  const { cases } = readJson<{ cases: PortalCase[] }>('cases.json');
  const courts = new Set(ref.courts.map((c) => c.code));
  const categories = new Set(ref.categories.map((c) => c.code));
  for (const c of cases) {
    const where = `fixture/cases.json case ${c.id} (${c.number})`;
    if (!courts.has(c.court)) throw new Error(`${where}: unknown court ${c.court}`);
    if (!categories.has(c.category)) throw new Error(`${where}: unknown category ${c.category}`);
    if (!c.number.startsWith(`${c.court}-`))
      throw new Error(`${where}: number does not start with its court code`);
    for (const h of c.history) {
      if (!(h.event in HISTORY_EVENTS)) throw new Error(`${where}: unknown history event ${h.event}`);
    }
  }
  return { ...ref, cases: [...cases, ...syntheticCases(extraCases)] };
}

/** Ordinary lease disputes, all mentioning «аренда», so one keyword search yields extraCases/pageSize pages. */
function syntheticCases(n: number): PortalCase[] {
  const out: PortalCase[] = [];
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    out.push({
      id: 900_000 + i,
      number: `7511-20-00-2/${10_000 + i}`,
      court: '7511',
      category: '020815000000000000',
      lang: 'ru',
      speech: false,
      judge: 'Исмаилова Р. Ш.',
      registeredAt: `2020-07-${day}`,
      claimedAmountKzt: 100_000 + i * 10,
      parties: [
        { role: 'claimant', name: `ТОО «Арендодатель ${i}»` },
        { role: 'respondent', name: `ИП «Арендатор ${i}»` },
      ],
      history: [
        { date: `2020-07-${day}`, event: 'accepted' },
        { date: `2020-08-${day}`, event: 'decision' },
      ],
      hearings: [{ date: `2020-08-${day}`, time: '10:00', hall: '1', closed: false }],
      acts: [
        {
          id: 990_000 + i,
          kind: 'решение',
          date: `2020-08-${day}`,
          instance: 'first',
          closedHearing: false,
          outcome: 'Иск удовлетворить',
          awardedAmountKzt: 100_000 + i * 10,
          text: [`Взыскать задолженность по договору аренды нежилого помещения № ${i}.`],
        },
      ],
    });
  }
  return out;
}
