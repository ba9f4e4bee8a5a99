// The court parsers on small pages of our own writing, each naming the quirk it covers; no browser.
import { describe, expect, it } from 'vitest';
import { buildCourtRecord } from '../../../crawlers/court/build-court-article.ts';
import {
  pageState,
  parseActEntries,
  parseActPage,
  parseActResults,
  parseActText,
  parseCaseCard,
  parseLawsuitResults,
  parseScheduleResults,
} from '../../../crawlers/court/parse-court-pages.ts';
import { loadCourtConfig, parseCourtConfig } from '../../../crawlers/index.ts';

const config = loadCourtConfig();

describe('court page parsers', () => {
  it('reads case rows by structure whatever the generated ids, in Kazakh too', () => {
    // Quirk: ids shift between deployments (j_idt99 here), the row is found by its onclick and four cells.
    const html = `<div id="j_idt99:j_idt123:resultPanel"><table class="rf-dt"><tbody>
      <tr onclick="viewSelectedLawsuit(77)"><td><p>5230-20-00-2/2871</p><p>03.08.2020</p></td>
      <td><p>Талапкер: Сейітов Нұрлан Әбілұлы</p><p>Жауапкер: «Жаршы» газетінің редакциясы» ЖШС</p></td>
      <td>Тұрсынбаев Е. А.</td><td><p>03.08.2020 - Іс іс жүргізуге қабылданды</p><p>10.08.2020 - Сот отырысы тағайындалды</p></td></tr>
      </tbody></table><div class="rf-ds"><span class="rf-ds-btn rf-ds-btn-next rf-ds-dis">»</span></div></div>`;
    const page = parseLawsuitResults(html, config);
    expect(page.rows).toEqual([
      {
        lawsuitId: 77,
        caseNumber: '5230-20-00-2/2871',
        registeredAt: '2020-08-03',
        parties: [
          { role: 'plaintiff', name: 'Сейітов Нұрлан Әбілұлы' },
          { role: 'defendant', name: '«Жаршы» газетінің редакциясы» ЖШС' },
        ],
        judge: 'Тұрсынбаев Е. А.',
        history: [
          { date: '2020-08-03', event: 'Іс іс жүргізуге қабылданды' },
          { date: '2020-08-10', event: 'Сот отырысы тағайындалды' },
        ],
      },
    ]);
  });

  it('recognises the exact "nothing found" message in both languages', () => {
    for (const msg of [
      'По указанным данным ничего не найдено',
      'Көрсетілген деректер бойына ешнәрсе табылмады',
    ]) {
      const page = parseLawsuitResults(`<div id="x:resultPanel"><span>${msg}</span></div>`, config);
      expect(page).toEqual({ rows: [], nothingFound: true });
    }
  });

  it('marks a schedule row closed from its hearing type, in either language', () => {
    const row = (type: string) =>
      `<div id="f:resultPanel"><table class="rf-dt"><tbody><tr><td>18.08.2020</td><td>11:00</td><td>4</td><td>3510-20-00-1/241</td><td><p>Сотталушы: Жұмабеков Е. Б.</p></td><td>ҚК 274. Көрінеу жалған ақпарат тарату</td><td>Ахметов Қ. С.</td><td>${type}</td></tr></tbody></table></div>`;
    expect(parseScheduleResults(row('Жабық сот отырысы'), config).rows[0]?.closed).toBe(true);
    expect(parseScheduleResults(row('Открытое судебное заседание'), config).rows[0]?.closed).toBe(false);
  });

  it('reads a card by its labels: a dash for no claim, sums with spaces, hearings and act links', () => {
    const html = `<table class="case-info">
      <tr><td class="label">Номер дела</td><td>7527-20-00-2/3318</td></tr>
      <tr><td class="label">Дата регистрации</td><td>15.06.2020</td></tr>
      <tr><td class="label">Суд</td><td>Медеуский районный суд г. Алматы</td></tr>
      <tr><td class="label">Цена иска</td><td>5 000 000 тг.</td></tr>
      <tr><td class="label">Стороны</td><td><p>Истец: Байжанов Е. М.</p><p>Ответчик: ТОО «Редакция»</p></td></tr>
    </table><table class="rf-dt history"><tbody><tr><td>15.06.2020</td><td>Дело принято к производству</td></tr></tbody></table>
    <table class="rf-dt hearings"><tbody><tr><td>05.08.2020</td><td>10:00</td><td>3</td><td>Закрытое судебное заседание</td></tr></tbody></table>
    <ul class="acts"><li><a href="/acts/act.xhtml?id=5">Решение</a></li></ul>`;
    const card = parseCaseCard(html, config);
    expect(card.claimedAmountKzt).toBe(5_000_000);
    expect(card.region).toBeNull();
    expect(card.hearings).toEqual([{ date: '2020-08-05', closed: true }]);
    expect(card.actHrefs).toEqual(['/acts/act.xhtml?id=5']); // «Решение»: a link named by an act kind
    const noClaim = parseCaseCard(html.replace('5 000 000 тг.', '—'), config);
    expect(noClaim.claimedAmountKzt).toBeNull();
  });

  it('normalises a Kazakh act kind and finds a closed hearing stated only in the text', () => {
    const html = `<table class="case-info"><tr><td>Акт түрі</td><td>Қаулы</td></tr><tr><td>Акт күні</td><td>11.08.2020</td></tr>
      <tr><td>Отырыс түрі</td><td>—</td></tr><tr><td>Өндірілді</td><td>0 тг.</td></tr></table>
      <div class="act-text"><p>Сот істі жабық сот отырысында қарауды қаулы етті.</p></div>`;
    const act = parseActPage(html, config);
    expect(act.kind).toBe('постановление');
    expect(act.date).toBe('2020-08-11');
    expect(act.closedHearing).toBe(true);
    expect(act.awardedAmountKzt).toBe(0); // zero awarded is a fact (claim rejected), not "unknown"
  });

  it('tells the captcha gate and an error page inside a 200 from content', () => {
    expect(pageState('<div class="g-recaptcha" data-sitekey="x"></div>', config).state).toBe('captcha');
    expect(pageState('<div class="error-page"><p>Сервис временно недоступен.</p></div>', config)).toEqual({
      state: 'error',
      message: 'Сервис временно недоступен.',
    });
    expect(pageState('<table class="rf-dt"></table>', config).state).toBe('ok');
  });

  it('rejects a case whose number does not match the pattern', () => {
    const card = parseCaseCard(
      '<table class="case-info"><tr><td>Номер дела</td><td>7527-20-2/1234</td></tr></table>',
      config,
    );
    const r = buildCourtRecord(card, [], config);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toContain('7527-20-2/1234');
  });

  it('names the file and field of a bad configuration', () => {
    const doc = JSON.parse(JSON.stringify({ ...config, crawl: { ...config.crawl, ajaxTimeoutMs: -5 } }));
    expect(() => parseCourtConfig(doc, 'court.json')).toThrow('court.json: field "crawl.ajaxTimeoutMs"');
    const badCode = {
      ...doc,
      crawl: config.crawl,
      searches: { ...config.searches, categories: [{ code: '123', name: 'x' }] },
    };
    expect(() => parseCourtConfig(badCode, 'court.json')).toThrow('field "searches.categories[0].code"');
  });

  it('finds acts-bank rows by the case-number pattern whatever the columns, and their param1 list', () => {
    // Quirk: the number and the date sit in adjacent <p>s (their texts must not run together), the row is
    // a link only through its onclick's param1, and another layout puts the number in the second column.
    const documented = `<table><tbody><tr onclick="window.location.href='/form/courtActs/lawsuitList.xhtml?param1=1001'">
      <td><p>7527-20-00-2/3318</p><p>12.08.2020</p></td><td>Медеуский районный суд г. Алматы</td><td>Решение</td></tr></tbody></table>`;
    expect(parseActResults(documented, config).rows).toEqual([
      expect.objectContaining({
        caseNumber: '7527-20-00-2/3318',
        actsListHref: '/form/courtActs/lawsuitList.xhtml?param1=1001',
      }),
    ]);
    const other = `<table class="results"><tr><td>12.08.2020</td><td><b>6003-25-00-4к/1454(2)</b></td>
      <td><a href="/portal/actsbank/case.xhtml?param1=77">Подробнее</a></td></tr></table>`;
    const row = parseActResults(other, config).rows[0];
    expect(row?.caseNumber).toBe('6003-25-00-4к/1454(2)');
    expect(row?.actsListHref).toBe('/portal/actsbank/case.xhtml?param1=77');
  });

  it('groups a list of acts by row: the HTML view and the downloads of each act', () => {
    // Quirk: one act offers a view and a PDF, another only a DOCX whose link says «Скачать DOCX».
    const html = `<nav><a href="/courtActs/index.xhtml">Судебные акты</a></nav><ul class="docs">
      <li><span>Решение</span> 12.08.2020 — <a href="/v?doc=1">Открыть</a>, <a href="/files/act-1.pdf">Скачать PDF</a></li>
      <li><span>Қаулы</span> 14.08.2020 — <a href="/files/act-2.docx">Скачать DOCX</a></li></ul>`;
    expect(parseActEntries(html, config)).toEqual([
      { viewHref: '/v?doc=1', documentHrefs: ['/files/act-1.pdf'], kind: 'решение', date: '2020-08-12' },
      { viewHref: null, documentHrefs: ['/files/act-2.docx'], kind: 'постановление', date: '2020-08-14' },
    ]);
  });

  it('reads an act from a document text: labelled lines, the kind heading, lines joined into sentences', () => {
    // Quirk: a PDF's text keeps the printed line breaks inside sentences.
    const text = [
      'ПРИГОВОР',
      'Номер дела: 3510-20-00-1/214',
      'Дата акта: 20.08.2020',
      'Вид заседания: Закрытое судебное заседание',
      'Результат: Признан виновным',
      'Суд, рассмотрев дело о распространении',
      'заведомо ложной информации, приговорил:',
      'назначить штраф.',
    ].join('\n');
    const act = parseActText(text, config);
    expect(act).toMatchObject({
      kind: 'приговор',
      caseNumber: '3510-20-00-1/214',
      date: '2020-08-20',
      closedHearing: true,
      outcome: 'Признан виновным',
    });
    expect(act.paragraphs).toEqual([
      'Суд, рассмотрев дело о распространении заведомо ложной информации, приговорил:',
      'назначить штраф.',
    ]);
  });

  it('tells an expired session from content', () => {
    expect(pageState('<div><p>Сессия истекла. Войдите снова.</p></div>', config).state).toBe('expired');
  });
});
