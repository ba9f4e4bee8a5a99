// Who the classifier knows by name: the watch list (watched-people.ts) and the people and outlets of the confirmed
// dataset (storage's loadKnownMedia), merged in one place. Every room that builds a classifier — createClassifier's
// default lexicons, the live classifier of the crawl and review commands, soz classify, the evaluation and the
// benchmark — gets its names from here, so the watch list is known everywhere and a person on both lists counts once.
import { type KnownMedia, NAME_PARTICLES } from './media-names.ts';
import { WATCH_LIST, type WatchedPerson, type WatchList } from './watched-people.ts';

export interface KnownPeopleCount {
  /** People of the watch list. */
  readonly watched: number;
  /** People of the dataset not already on the watch list. */
  readonly dataset: number;
}

// Patronymic particles are not names (media-names.json's persons.particles): "Ержан Сапар ұлы" is Ержан Сапар.
const nameWords = (name: string) =>
  name
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[\s,.]+/)
    .filter((w) => w && !NAME_PARTICLES.has(w));

/** Every written form of a watched person as [first name, surname], lower case. */
function writtenForms(p: WatchedPerson): [string, string][] {
  return [p.name, ...(p.kk ? [p.kk] : []), ...p.latin].map((n) => {
    const w = nameWords(n);
    return [w[0]!, w.at(-1)!];
  });
}

/**
 * Whether a dataset person is a watched one, by any written form: the same surname and first name in either order
 * ("Ахмедьяров Лукпан", "Lukpan Akhmedyarov"), or the surname with the first name's initial ("Ахмедьяров Л.").
 */
function isWatched(person: string, forms: readonly [string, string][]): boolean {
  const w = nameWords(person);
  if (w.length < 2) return false;
  return forms.some(([first, last]) => {
    if (!w.includes(last)) return false;
    return w.some((x) => x !== last && (x === first || (x.length === 1 && first.startsWith(x))));
  });
}

/**
 * The names the classifier knows: the watch list, and the dataset's people and outlets without the people the watch
 * list already holds. Without a dataset (a first night, the evaluation), the watch list alone.
 */
export function knownPeople(dataset?: KnownMedia, watch: WatchList = WATCH_LIST): KnownMedia {
  const forms = watch.people.map(writtenForms);
  const seen = new Set<string>();
  const people: string[] = [];
  for (const person of dataset?.people ?? []) {
    const key = nameWords(person).sort().join(' ');
    if (seen.has(key) || forms.some((f) => isWatched(person, f))) continue;
    seen.add(key);
    people.push(person);
  }
  return {
    people,
    outlets: dataset?.outlets ?? [],
    ...(dataset?.cases ? { cases: dataset.cases } : {}),
    watch,
  };
}

/** How many watched and dataset people a merged list holds (the Classifier page, soz review stats). */
export function knownPeopleCount(known: KnownMedia): KnownPeopleCount {
  return { watched: known.watch?.people.length ?? 0, dataset: known.people.length };
}
