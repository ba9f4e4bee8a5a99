// Charset detection: header, BOM, <meta>, http-equiv, sniffing, and what happens when they disagree.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, type RawPage } from '../../../core/index.ts';
import { decodePage } from '../../../pipeline/index.ts';

const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures', 'extract');

function raw(body: Uint8Array, contentType?: string): RawPage {
  return {
    sourceId: 'test',
    url: 'https://example.kz/a',
    finalUrl: 'https://example.kz/a',
    status: 200,
    headers: contentType ? { 'content-type': contentType } : {},
    body,
    fetchedAt: '2020-08-15T04:00:00.000Z',
  };
}

const RU = 'Журналистку вызвали в суд — «по делу № 12», сообщила её редакция. Ещё одна ёлка.';
const KK =
  'Әкімдік тілшіге жауап бермеді: қала сотында іс қаралып, ұлттық одақ үнсіз қалмады. Ғалымдар өз пікірін айтты.';
const page = (text: string, head = '') =>
  `<html><head>${head}<title>t</title></head><body><p>${text}</p></body></html>`;

describe('decodePage', () => {
  it('takes the charset from the HTTP header (quirk: windows-1251 declared by the server only)', () => {
    const d = decodePage(raw(iconv.encode(page(RU), 'win1251'), 'text/html; charset=windows-1251'));
    expect(d.charsetSource).toBe('header');
    expect(d.charset).toBe('windows-1251');
    expect(d.html).toContain(RU);
  });

  it('understands header aliases such as cp1251 and KZ-1048', () => {
    expect(decodePage(raw(iconv.encode(page(RU), 'win1251'), 'text/html; charset="cp1251"')).html).toContain(
      RU,
    );
    const kk = decodePage(raw(iconv.encode(page(KK), 'rk1048'), 'text/html;charset=KZ-1048'));
    expect(kk.charset).toBe('rk1048');
    expect(kk.html).toContain(KK);
  });

  it('lets a byte-order mark win over everything else', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page(KK), 'utf8')]);
    const d = decodePage(raw(bytes, 'text/html; charset=windows-1251'));
    expect(d.charsetSource).toBe('bom');
    expect(d.html.startsWith('<html>')).toBe(true);
    expect(d.html).toContain(KK);
  });

  it('reads <meta charset> and <meta http-equiv> (quirk: windows-1251 regional site, http-equiv only)', () => {
    const d = decodePage(raw(readFileSync(join(FIXTURES, 'ru-windows-1251.html'))));
    expect(d.charsetSource).toBe('meta');
    expect(d.charset).toBe('windows-1251');
    expect(d.html).toContain('Ольгу Ерёменко');
    expect(d.html).toContain('№ 1234');
    const kz = decodePage(raw(readFileSync(join(FIXTURES, 'kk-kz1048.html'))));
    expect(kz.charsetSource).toBe('meta');
    expect(kz.charset).toBe('rk1048');
    expect(kz.html).toContain('айыппұл төледі');
  });

  it('uses the meta charset when the header claims UTF-8 but the bytes are not UTF-8', () => {
    const body = iconv.encode(page(RU, '<meta charset="windows-1251">'), 'win1251');
    const d = decodePage(raw(body, 'text/html; charset=utf-8'));
    expect(d.charsetSource).toBe('meta');
    expect(d.html).toContain(RU);
  });

  it('uses UTF-8 when a legacy charset is declared but the bytes are valid multi-byte UTF-8', () => {
    const d = decodePage(
      raw(Buffer.from(page(KK, '<meta charset="windows-1251">'), 'utf8'), 'text/html; charset=windows-1251'),
    );
    expect(d.charset).toBe('utf-8');
    expect(d.html).toContain(KK);
  });

  it('sniffs UTF-8, then windows-1251 for Russian, when nothing is declared', () => {
    const u = decodePage(raw(Buffer.from(page(KK), 'utf8')));
    expect(u).toMatchObject({ charset: 'utf-8', charsetSource: 'sniffed' });
    const r = decodePage(raw(iconv.encode(page(RU), 'win1251')));
    expect(r).toMatchObject({ charset: 'windows-1251', charsetSource: 'sniffed' });
    expect(r.html).toContain(RU);
  });

  it('sniffs KZ-1048 and PT154 Kazakh pages by their letters (quirk: PT154 page with no declaration)', () => {
    const kz = decodePage(raw(iconv.encode(page(KK), 'rk1048')));
    expect(kz.charset).toBe('rk1048');
    expect(kz.html).toContain(KK);
    const pt = decodePage(raw(readFileSync(join(FIXTURES, 'kk-pt154-undeclared.html'))));
    expect(pt).toMatchObject({ charset: 'pt154', charsetSource: 'sniffed' });
    expect(pt.html).toContain('Ұлттық журналистер одағы');
  });

  it('keeps a Ukrainian windows-1251 page in windows-1251 (its є ї ґ are not Kazakh letters)', () => {
    const uk = 'Київська редакція отримала її відповідь: ґрунтовна перевірка триває, що є порушенням.';
    const d = decodePage(raw(iconv.encode(page(uk), 'win1251')));
    expect(d.charset).toBe('windows-1251');
    expect(d.html).toContain(uk);
  });

  it('overrides a server-default ISO-8859-1 header over Cyrillic bytes (quirk: Apache default charset)', () => {
    const withMeta = decodePage(
      raw(
        iconv.encode(page(RU, '<meta charset="windows-1251">'), 'win1251'),
        'text/html; charset=ISO-8859-1',
      ),
    );
    expect(withMeta).toMatchObject({ charset: 'windows-1251', charsetSource: 'meta' });
    const without = decodePage(raw(iconv.encode(page(RU), 'win1251'), 'text/html; charset=iso-8859-1'));
    expect(without).toMatchObject({ charset: 'windows-1251', charsetSource: 'sniffed' });
    expect(without.html).toContain(RU);
  });

  it('keeps a real Latin-1 page in windows-1252, declared or not', () => {
    const fr = 'Le café du coin a publié une brève sur la liberté de la presse à Almaty, très lue.';
    expect(
      decodePage(raw(iconv.encode(page(fr), 'win1252'), 'text/html; charset=iso-8859-1')).html,
    ).toContain(fr);
    const sniffed = decodePage(raw(iconv.encode(page(fr), 'win1252')));
    expect(sniffed.charset).toBe('windows-1252');
    expect(sniffed.html).toContain(fr);
  });

  it('treats pure ASCII as UTF-8 by default', () => {
    expect(decodePage(raw(Buffer.from(page('Plain English news.'))))).toMatchObject({
      charsetSource: 'default',
    });
  });
});
