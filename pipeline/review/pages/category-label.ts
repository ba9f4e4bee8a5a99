import { CATEGORIES } from '../../../core/index.ts';

const NAMES = new Map(CATEGORIES.map((c) => [c.id as string, c]));

/** «criminal_charge · уголовное преследование» for a known id; the raw value otherwise. */
export function categoryLabel(id: string | null): string {
  if (!id) return '—';
  const c = NAMES.get(id);
  return c ? `${id} · ${c.name.ru}` : id;
}
