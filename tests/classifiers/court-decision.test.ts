// Court items of the imitated portal's fixture, judged as the crawler would hand them over (the CourtRecord facts
// and the text of the acts): every case the monitoring team counts is a candidate with the right legal category
// first, and no ordinary case (moral damage after a traffic accident, a divorce, a debt) is.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createClassifier } from '../../classifiers/index.ts';
import type { CourtRecord } from '../../core/index.ts';
import type { PortalCase, PortalData } from '../../imitation/index.ts';

const FIXTURE = resolve(import.meta.dirname, '../../imitation/court-portal/fixture');
const PLAINTIFF_ROLES = new Set(['claimant', 'applicant', 'private_prosecutor']);

interface FixtureFile {
  readonly cases: readonly PortalCase[];
}

/** The legal category each speech case of the fixture belongs to, as a reviewer would confirm it. */
const EXPECTED: Record<string, string> = {
  '7527-20-00-2/3318': 'civil_claim',
  '7140-20-00-2/5120': 'civil_claim',
  '5230-20-00-2/2871': 'civil_claim',
  '3510-20-00-1/214': 'criminal_charge',
  '7530-20-00-1/389': 'criminal_charge',
  '3510-20-00-1/241': 'criminal_charge',
  '7527-20-00-4/1502': 'administrative_charge',
  '7545-23-00-4/877': 'administrative_charge',
  '7511-20-00-4/2210': 'administrative_charge',
  '7511-20-00-2/4012': 'civil_claim',
  '7140-20-00-1/677': 'criminal_charge',
};

let cases: readonly PortalCase[];
let portal: PortalData;
const classifier = createClassifier();

beforeAll(() => {
  cases = (JSON.parse(readFileSync(resolve(FIXTURE, 'cases.json'), 'utf8')) as FixtureFile).cases;
  portal = JSON.parse(readFileSync(resolve(FIXTURE, 'portal.json'), 'utf8')) as PortalData;
});

function classifyCase(c: PortalCase) {
  const latest = [...c.acts].sort((a, b) => a.date.localeCompare(b.date)).at(-1);
  const category = portal.categories.find((x) => x.code === c.category)?.name.ru ?? null;
  const record: CourtRecord = {
    caseNumber: c.number,
    court: null,
    region: null,
    judge: c.judge,
    plaintiffs: c.parties.filter((p) => PLAINTIFF_ROLES.has(p.role)).map((p) => p.name),
    defendants: c.parties.filter((p) => !PLAINTIFF_ROLES.has(p.role)).map((p) => p.name),
    category,
    actKind: latest?.kind ?? null,
    registeredAt: c.registeredAt,
    decidedAt: latest?.date ?? null,
    closedHearing: c.acts.some((a) => a.closedHearing) || c.hearings.some((h) => h.closed),
    outcome: latest?.outcome ?? null,
    claimedAmountKzt: c.claimedAmountKzt,
    awardedAmountKzt: latest?.awardedAmountKzt ?? null,
    history: [],
  };
  const text = [`Категория: ${category ?? 'не указана'}.`, ...c.acts.flatMap((a) => a.text)].join('\n\n');
  return classifier.classify(
    { title: `Дело № ${c.number} (${category})`, text, kind: 'court', court: record },
    classifier.detectLanguage(text),
  );
}

describe('court decisions on the imitated portal fixture', () => {
  it('flags every speech case with its legal category first', () => {
    const speech = cases.filter((c) => c.speech);
    expect(speech.length).toBe(Object.keys(EXPECTED).length);
    for (const c of speech) {
      const r = classifyCase(c);
      expect(r.candidate, `${c.number} is a candidate`).toBe(true);
      expect(r.categories[0]?.id, `${c.number} category`).toBe(EXPECTED[c.number]);
    }
  });

  it('ranks a КоАП 73-3 defamation case administrative, not criminal, and shows the article as evidence', () => {
    const r = classifyCase(cases.find((c) => c.number === '7527-20-00-4/1502')!);
    expect(r.categories.map((c) => c.id)).not.toContain('criminal_charge');
    expect(r.categories[0]!.evidence.some((e) => /73-3/.test(e.text))).toBe(true);
  });

  it('flags a moral damage claim against a blogger named only in the judicial act', () => {
    const r = classifyCase(cases.find((c) => c.number === '7511-20-00-2/4012')!);
    expect(r.candidate).toBe(true);
    expect(r.categories[0]?.evidence.length).toBeGreaterThan(0);
  });

  it('leaves ordinary cases that mention media or moral damage alone', () => {
    for (const c of cases.filter((x) => !x.speech)) {
      expect(classifyCase(c).candidate, `${c.number} is ordinary`).toBe(false);
    }
  });
});
