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
] as const;

export type CategoryId = (typeof CATEGORY_IDS)[number];
export type Block = 'A' | 'B' | 'C';
export type UiLang = 'en' | 'ru' | 'kk';

export interface CategoryInfo {
  readonly id: CategoryId;
  readonly block: Block;
  readonly name: Readonly<Record<UiLang, string>>;
}

function loadCategories(): readonly CategoryInfo[] {
  const fromConfig = taxonomyJson.categories.map((c) => c.id);
  if (fromConfig.join() !== CATEGORY_IDS.join()) {
    throw new Error(`config/taxonomy.json: category ids ${fromConfig.join(', ')} differ from taxonomy.md's`);
  }
  return taxonomyJson.categories.map((c) => ({
    id: c.id as CategoryId,
    block: c.block as Block,
    name: { en: c.en, ru: c.ru, kk: c.kk },
  }));
}

export const CATEGORIES: readonly CategoryInfo[] = loadCategories();
export const BLOCK_NAMES = taxonomyJson.blocks as Readonly<Record<Block, Readonly<Record<UiLang, string>>>>;

export function isCategoryId(value: unknown): value is CategoryId {
  return typeof value === 'string' && (CATEGORY_IDS as readonly string[]).includes(value);
}

export function blockOf(id: CategoryId): Block {
  const found = CATEGORIES.find((c) => c.id === id);
  if (!found) throw new Error(`unknown category ${id}`);
  return found.block;
}
