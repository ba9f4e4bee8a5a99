// The violation taxonomy of ../shared/domain/taxonomy.md. Names live in config/taxonomy.json; the ids are
// also a type so that a misspelt id is a compile error, and the two are checked against each other on load.
import taxonomyJson from '../config/taxonomy.json' with { type: 'json' };

export const CATEGORY_IDS = [
  'attack',
  'threat',
  'obstruction',
  'detention',
  'pressure',
  'info_denial',
  'closed_session',
  'blocking',
  'media_closure',
  'cyberattack',
  'regulation',
  'criminal_charge',
  'civil_claim',
  'administrative_charge',
  // The finer ids of the 2024 reports; each refines one of the ids above (see `refines`).
  'summons',
  'image_misuse',
  'insult',
  'discrediting',
  'copyright',
  'discrimination',
  'persecution',
] as const;

/** The 14 ids every report since 2010 could use; the finer ones refine them. */
export const BASE_CATEGORY_IDS = CATEGORY_IDS.slice(0, 14) as readonly CategoryId[];

export type CategoryId = (typeof CATEGORY_IDS)[number];
export type Block = 'A' | 'B' | 'C';
export type UiLang = 'en' | 'ru' | 'kk';

export interface CategoryInfo {
  readonly id: CategoryId;
  readonly block: Block;
  readonly name: Readonly<Record<UiLang, string>>;
  /** For a finer 2024 id, the older id it refines (summons → detention); absent for the 14 base ids. */
  readonly refines?: CategoryId;
}

function loadCategories(): readonly CategoryInfo[] {
  const fromConfig = taxonomyJson.categories.map((c) => c.id);
  if (fromConfig.join() !== CATEGORY_IDS.join()) {
    throw new Error(`config/taxonomy.json: category ids ${fromConfig.join(', ')} differ from taxonomy.md's`);
  }
  return taxonomyJson.categories.map((c) => {
    const refines = 'refines' in c ? (c.refines as CategoryId) : undefined;
    if (refines !== undefined && !(CATEGORY_IDS as readonly string[]).slice(0, 14).includes(refines)) {
      throw new Error(
        `config/taxonomy.json: ${c.id} refines "${refines}", which is not one of the 14 base ids`,
      );
    }
    return {
      id: c.id as CategoryId,
      block: c.block as Block,
      name: { en: c.en, ru: c.ru, kk: c.kk },
      ...(refines ? { refines } : {}),
    };
  });
}

export const CATEGORIES: readonly CategoryInfo[] = loadCategories();
export const BLOCK_NAMES = taxonomyJson.blocks as Readonly<Record<Block, Readonly<Record<UiLang, string>>>>;

export function isCategoryId(value: unknown): value is CategoryId {
  return typeof value === 'string' && (CATEGORY_IDS as readonly string[]).includes(value);
}

/** The base id a category counts as where only the 14 base ids exist (older entries, older dev sets). */
export function baseCategory(id: CategoryId): CategoryId {
  return CATEGORIES.find((c) => c.id === id)?.refines ?? id;
}

export function blockOf(id: CategoryId): Block {
  const found = CATEGORIES.find((c) => c.id === id);
  if (!found) throw new Error(`unknown category ${id}`);
  return found.block;
}
