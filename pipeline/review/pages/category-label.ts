import { CATEGORIES } from '../../../core/index.ts';

const NAMES = new Map(CATEGORIES.map((c) => [c.id as string, c]));

/**
 * «criminal_charge · уголовное преследование» for a known id; the raw value otherwise.
 * @deprecated Russian whatever the page's language: pages name a category with `ctx.text.category(id)`, in
 * the reviewer's language. Kept only so that pages written before the UI spoke three languages still build.
 */
export function categoryLabel(id: string | null): string {
  if (!id) return '—';
  const c = NAMES.get(id);
  return c ? `${id} · ${c.name.ru}` : id;
}
