// A case card and its acts become one court item: the CourtRecord facts, and a readable summary (title and
// text) for the classifier and the reviewers. A case number that does not match the pattern is rejected.
import type { Article, CourtRecord, Lang, StageResult } from '../../core/index.ts';
import { accept, reject } from '../../core/index.ts';
import type { CourtConfig } from './court-config.ts';
import type { ActPage, CaseCard } from './parse-court-pages.ts';

const dmy = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
/** A sentence end that does not double the period of an initial ("Сагинтаева А. К."). */
const stop = (s: string) => (s.endsWith('.') ? s : `${s}.`);
const tenge = (n: number) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} тенге`;

export function buildCourtRecord(
  card: CaseCard,
  acts: readonly ActPage[],
  config: CourtConfig,
): StageResult<CourtRecord> {
  if (!new RegExp(config.caseNumberPattern).test(card.caseNumber)) {
    return reject(
      'court-extract',
      `case number "${card.caseNumber}" does not match ${config.caseNumberPattern}`,
    );
  }
  const mismatch = acts.find((a) => a.caseNumber !== null && a.caseNumber !== card.caseNumber);
  if (mismatch) {
    return reject(
      'court-extract',
      `act of case ${mismatch.caseNumber} linked from the card of ${card.caseNumber}`,
    );
  }
  // The latest act decides the kind, date, outcome and award; acts of one day keep the card's order.
  const latest = [...acts]
    .map((a, i) => ({ a, i }))
    .sort((x, y) => (x.a.date ?? '').localeCompare(y.a.date ?? '') || x.i - y.i)
    .at(-1)?.a;
  return accept({
    caseNumber: card.caseNumber,
    court: card.court,
    region: card.region,
    judge: card.judge,
    plaintiffs: card.parties.filter((p) => p.role === 'plaintiff').map((p) => p.name),
    defendants: card.parties.filter((p) => p.role !== 'plaintiff').map((p) => p.name),
    category: card.category,
    actKind: latest?.kind ?? null,
    registeredAt: card.registeredAt,
    decidedAt: latest?.date ?? null,
    closedHearing: acts.some((a) => a.closedHearing) || card.hearings.some((h) => h.closed),
    outcome: latest?.outcome ?? null,
    claimedAmountKzt: card.claimedAmountKzt,
    awardedAmountKzt: latest?.awardedAmountKzt ?? null,
    history: card.history,
  });
}

export interface CourtArticleInput {
  readonly sourceId: string;
  readonly cardUrl: string;
  readonly record: CourtRecord;
  readonly acts: readonly ActPage[];
  /** Hearings from the card, for the reviewer (open or closed, when). */
  readonly hearings?: readonly { readonly date: string | null; readonly closed: boolean }[];
  readonly html: string;
  readonly fetchedAt: string;
  readonly lang: Lang;
}

/** The item as reviewers read it: who sued whom (or who is charged), where, over what, with what result. */
export function buildCourtArticle(input: CourtArticleInput): Article {
  const r = input.record;
  const against = r.defendants.join(', ');
  const title =
    r.plaintiffs.length > 0
      ? `Дело № ${r.caseNumber}: ${r.plaintiffs.join(', ')} против ${against} (${r.category ?? 'категория не указана'})`
      : `Дело № ${r.caseNumber} в отношении ${against} (${r.category ?? 'категория не указана'})`;
  const facts: string[] = [
    `Суд: ${r.court ?? 'не указан'}${r.region ? `, ${r.region}` : ''}. Судья: ${stop(r.judge ?? 'не указан')}`,
    `Категория: ${r.category ?? 'не указана'}. Дело зарегистрировано ${r.registeredAt ? dmy(r.registeredAt) : 'в неизвестную дату'}.`,
  ];
  if (r.plaintiffs.length > 0) facts.push(`Истцы (заявители): ${r.plaintiffs.join('; ')}.`);
  facts.push(`Ответчики (обвиняемые, привлекаемые): ${r.defendants.join('; ') || 'не указаны'}.`);
  if (r.claimedAmountKzt !== null) facts.push(`Сумма иска: ${tenge(r.claimedAmountKzt)}.`);
  if (r.closedHearing) facts.push('Дело рассматривается в закрытом судебном заседании.');
  if (r.actKind && r.decidedAt) {
    const award = r.awardedAmountKzt !== null ? ` Взыскано: ${tenge(r.awardedAmountKzt)}.` : '';
    facts.push(
      `${r.actKind[0]?.toUpperCase()}${r.actKind.slice(1)} от ${dmy(r.decidedAt)}: ${stop(r.outcome ?? 'результат не указан')}${award}`,
    );
  } else {
    facts.push('Судебный акт ещё не вынесен.');
  }
  const hearings = (input.hearings ?? []).filter((h) => h.date !== null);
  if (hearings.length > 0) {
    const list = hearings
      .map((h) => `${dmy(h.date ?? '')} (${h.closed ? 'закрытое' : 'открытое'})`)
      .join(', ');
    facts.push(`Судебные заседания: ${list}.`);
  }
  const history = `Ход дела: ${r.history.map((h) => `${dmy(h.date)} — ${h.event}`).join('; ')}.`;
  const actTexts = input.acts.map((a) => a.paragraphs.join('\n\n')).filter((t) => t !== '');
  const lastEvent = r.history.at(-1)?.date ?? null;
  return {
    sourceId: input.sourceId,
    kind: 'court',
    url: input.cardUrl,
    canonicalUrl: input.cardUrl,
    title,
    text: [facts.join(' '), ...actTexts, history].join('\n\n'),
    publishedAt: r.decidedAt ?? lastEvent ?? r.registeredAt,
    author: null,
    section: r.category,
    langHint: input.lang,
    fetchedAt: input.fetchedAt,
    html: input.html,
    extractedBy: 'court',
    court: r,
  };
}
