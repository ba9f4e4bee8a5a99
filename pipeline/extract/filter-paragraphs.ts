// Paragraph-level cleanup of extracted text: a repeated headline, date lines ("Updated 5:27 am CST,
// Wednesday"), one-word widget labels ("Advert", "Комментарии", "Бөлісу"), calls to subscribe or follow,
// copyright lines, and a boilerplate heading ("Самое читаемое", "Көп оқылған", "Related stories") with the
// short lines under it.
import { boilerplateRules } from './boilerplate-rules.ts';
import { extractionConfig } from './extraction-config.ts';
import { parseNewsDate } from './parse-news-date.ts';

const WORDS = /[\p{L}\p{N}]+/gu;

function words(s: string): string[] {
  return s.toLowerCase().match(WORDS) ?? [];
}

function isDateLine(para: string, ws: readonly string[]): boolean {
  if (ws.length === 0 || ws.length > 12) return false;
  const { dateWords } = boilerplateRules();
  const months = extractionConfig().dates.months;
  const dateish = ws.filter((w) => /^\d+$/.test(w) || dateWords.has(w) || months[w] !== undefined).length;
  if (dateish / ws.length < 0.7) return false;
  // A date, or a bare time ("Updated at 1:23 p.m."), with little else around it (the costlier test last).
  return /\d{1,2}[:.]\d{2}/.test(para) || parseNewsDate(para, new Date(0)) !== null;
}

export function isBoilerplateParagraph(para: string, ws: readonly string[] = words(para)): boolean {
  const rules = boilerplateRules();
  const short = extractionConfig().extract.shortParagraphChars;
  if (para.length > short) return false;
  const key = ws.join(' ');
  if (key === '') return true;
  if (rules.lines.has(key) || rules.headings.has(key)) return true;
  if (rules.prefixes.some((re) => re.test(para.trim()))) return true;
  if (isShareBar(key)) return true;
  return isDateLine(para, ws);
}

/** A line made only of network names and share words ("Whatsapp Facebook Pinterest"). */
function isShareBar(key: string): boolean {
  const ws = key.split(' ');
  if (ws.length < 2 || ws.length > 12) return false;
  const { shareWords } = boilerplateRules();
  return ws.every((w) => shareWords.has(w));
}

/** A heading that introduces other stories ("Көп оқылған", "Самые популярные диеты", "More top stories"). */
function isBoilerplateHeading(para: string, key: string): boolean {
  const rules = boilerplateRules();
  if (rules.headings.has(key)) return true;
  const line = para.trim().replace(/[:.!]+$/, '');
  return line.length <= 60 && !line.includes('\n') && rules.headingPatterns.some((re) => re.test(line));
}

export function filterParagraphs(text: string, title: string | null): string {
  const short = extractionConfig().extract.shortParagraphChars;
  const titleKey = title ? words(title).join(' ') : null;
  const paras = text.split('\n\n');
  const out: string[] = [];
  for (let i = 0; i < paras.length; i++) {
    const para = paras[i]!;
    const ws = words(para);
    const key = ws.join(' ');
    if (out.length === 0 && titleKey && key === titleKey) continue;
    if (isBoilerplateHeading(para, key)) {
      // The block a boilerplate heading introduces: the short lines that follow it.
      while (i + 1 < paras.length && paras[i + 1]!.length < short) i++;
      continue;
    }
    if (isBoilerplateParagraph(para, ws)) continue;
    out.push(para);
  }
  return out.join('\n\n');
}
