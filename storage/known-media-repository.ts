// The journalists, bloggers and outlets the monitoring team already knows: the affected people and outlets of
// confirmed dataset entries. The classifier is built with them (ClassifierOptions.knownMedia) so that a headline
// naming only a known person ("Сапарова вызвали в полицию") names a target; long-running processes compare
// knownMediaSignature to know when to read them again.
import { type CategoryId, isCategoryId } from '../core/index.ts';
import { fromJson } from './json-column.ts';
import type { Store } from './open-store.ts';

export interface KnownMediaNames {
  readonly people: readonly string[];
  readonly outlets: readonly string[];
  /** Per person, the category of their latest entry: the case a story of its next step ("X acquitted") follows. */
  readonly cases: Readonly<Record<string, CategoryId>>;
}

/**
 * Distinct people and outlets of every dataset entry, in first-seen order (entries by month and id), and each
 * person's latest entry's category.
 */
export async function loadKnownMedia(store: Store): Promise<KnownMediaNames> {
  const rows = await store.db
    .selectFrom('dataset_entries')
    .select(['id', 'category', 'people_json', 'outlets_json'])
    .orderBy('month')
    .orderBy('id')
    .execute();
  const people = new Set<string>();
  const outlets = new Set<string>();
  const cases: Record<string, CategoryId> = {};
  for (const r of rows) {
    const where = `dataset_entries ${r.id}`;
    const names = (column: string | null): string[] => {
      const list = fromJson<unknown>(column, [], where);
      if (!Array.isArray(list)) throw new Error(`${where}: people and outlets must be lists, got ${column}`);
      return list.filter((n): n is string => typeof n === 'string' && n.trim() !== '').map((n) => n.trim());
    };
    const entryPeople = names(r.people_json);
    for (const name of entryPeople) people.add(name);
    for (const name of names(r.outlets_json)) outlets.add(name);
    // Entries come by month: a later one replaces an earlier case of the same person.
    if (isCategoryId(r.category)) for (const name of entryPeople) cases[name] = r.category;
  }
  return { people: [...people], outlets: [...outlets], cases };
}

/**
 * What changes whenever the known names may have: the number of dataset entries and the latest change to one
 * (confirming, editing, promoting or deleting an entry moves one of them). One small aggregate query, so a
 * long-running process can ask it before each use and reload the names only when it differs.
 */
export async function knownMediaSignature(store: Store): Promise<string> {
  const row = await store.db
    .selectFrom('dataset_entries')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('updated_at').as('latest')])
    .executeTakeFirst();
  return `${Number(row?.n ?? 0)}:${row?.latest ?? ''}`;
}
