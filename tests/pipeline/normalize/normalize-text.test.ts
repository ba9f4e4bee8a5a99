// Text normalisation: NFC, font-hack Kazakh, Latin look-alikes, whitespace and paragraphs.
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../pipeline/index.ts';

describe('normalizeText', () => {
  it('composes decomposed letters (quirk: й typed as и + combining breve, ё as е + diaeresis)', () => {
    const out = normalizeText('Журналист сообщи\u0438\u0306 о е\u0308лке');
    expect(out).toBe('Журналист сообщий о ёлке'.normalize('NFC'));
    expect(out).toBe(out.normalize('NFC'));
    expect(out).not.toMatch(/\u0306|\u0308/);
  });

  it('repairs font-hack Kazakh letters in Kazakh text (quirk: ќ ѕ ў ї є ґ ј typed for қ ң ұ ү ғ ө ә)', () => {
    const hacked =
      'Ќазаќстанныѕ ўлттыќ журналистер одаєы бїгін јкімдікке хат жолдады. Редактор ґз пікірін айтты.';
    expect(normalizeText(hacked)).toBe(
      'Қазақстанның ұлттық журналистер одағы бүгін әкімдікке хат жолдады. Редактор өз пікірін айтты.',
    );
  });

  it('leaves Ukrainian, Belarusian, Serbian and Macedonian text alone', () => {
    const ukrainian = 'Київська редакція отримала її відповідь: ґрунтовна перевірка триває, що є порушенням.';
    const belarusian = 'Рэдакцыя атрымала ўрадавы ліст, і журналіст быў вызвалены ўвечары.';
    const serbian = 'Новинар је објавио текст о суду, а уредник још чека одговор од ђака.';
    const macedonian = 'Новинарот ќе објави ѕвезда текст за судот и јавноста во Скопје.';
    for (const text of [ukrainian, belarusian, serbian, macedonian]) expect(normalizeText(text)).toBe(text);
  });

  it('leaves a Ukrainian name in a Russian story alone (quirk: a stray є in Russian text)', () => {
    const ru =
      'Журналисты из Киева встретились с Євгеном Петренко, который рассказал о работе корреспондентом в Казахстане и о своих впечатлениях от поездки.';
    expect(normalizeText(ru)).toBe(ru);
  });

  it('does not touch a Ukrainian word quoted in Kazakh text (quirk: apostrophe word and listed words)', () => {
    const out = normalizeText("Ќазаќ тілшісі Україна мен Київ туралы жазды, бўл з'їзд жайлы маќала еді.");
    expect(out).toContain('Україна');
    expect(out).toContain('Київ');
    expect(out).toContain("з'їзд");
    expect(out).toContain('Қазақ тілшісі');
    expect(out).toContain('мақала');
  });

  it('repairs a short Kazakh headline when the caller says the article is Kazakh', () => {
    expect(normalizeText('Павлодарда редактор айыппўл тґледі')).toBe('Павлодарда редактор айыппўл тґледі');
    expect(normalizeText('Павлодарда редактор айыппўл тґледі', { kazakh: true })).toBe(
      'Павлодарда редактор айыппұл төледі',
    );
  });

  it('folds Latin look-alikes inside Cyrillic words but leaves Latin words alone', () => {
    // "Aлматы" with a Latin A, "сoтта" with a Latin o, "қaзaқ" with Latin a.
    expect(normalizeText('Aлматы сoтта қaзaқ тілінде')).toBe('Алматы сотта қазақ тілінде');
    expect(normalizeText('Редакция купила iPhone и Kazakhstan Airlines')).toBe(
      'Редакция купила iPhone и Kazakhstan Airlines',
    );
    expect(normalizeText('Наш сайт: news.kz, email: x@y.kz')).toBe('Наш сайт: news.kz, email: x@y.kz');
  });

  it('folds whitespace, drops invisible characters and keeps paragraphs apart by one blank line', () => {
    const messy =
      '  Первый\u00a0абзац\tс   пробелами.\u200b \r\n\r\n\r\n\n  Второй пере\u00adнос.  \n  строка два \n\n\n';
    expect(normalizeText(messy)).toBe('Первый абзац с пробелами.\n\nВторой перенос.\nстрока два');
  });

  it('returns an empty string for blank input', () => {
    expect(normalizeText(' \n\n\t ')).toBe('');
  });
});
