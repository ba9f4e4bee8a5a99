// A confirmed dataset entry naming people and outlets, for the tests of the known names (storage's loadKnownMedia,
// the classifiers of long-running commands): only who is named varies between them.
import type { DatasetEntry } from '../../core/index.ts';

export function mediaDatasetEntry(
  id: string,
  people: readonly string[],
  outlets: readonly string[] = [],
  overrides: Partial<DatasetEntry> = {},
): DatasetEntry {
  return {
    id,
    month: '2024-05',
    eventDate: '2024-05-14',
    category: 'summons',
    block: 'A',
    stage: 'incident',
    inCourt: false,
    outcome: null,
    claimedAmountKzt: null,
    awardedAmountKzt: null,
    lawArticle: null,
    isHonorDignity: false,
    summary: 'Корреспондента вызвали в полицию после публикации о земельных участках.',
    lang: 'ru',
    sources: [`https://zhetysu-inform.kz/news/${id}`],
    people: [...people],
    outlets: [...outlets],
    actors: ['полиция'],
    court: null,
    caseNumber: null,
    region: 'Талгар',
    ongoing: false,
    ...overrides,
  };
}
