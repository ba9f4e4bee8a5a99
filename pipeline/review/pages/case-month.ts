// A month alone ("April 2024", «апрель 2024», «2024 ж. сәуір») in the wording of the page: ctx.text.date
// writes days, whose Russian month is in the genitive.
import type { UiText } from '../ui-text.ts';

export function monthLabel(t: UiText, month: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(month);
  if (!m) return month;
  return t.t('cases.monthYear', { year: m[1]!, month: t.t(`cases.monthName.${Number(m[2])}`) });
}
