import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../classifiers/index.ts';

describe('extractFacts', () => {
  it('reads a Russian court story: court, person, outlet, article, amount, case number, date, outcome', () => {
    const facts = extractFacts(
      'Медеуский районный суд города Алматы 12 августа 2020 года частично удовлетворил иск акима к газете «Время» ' +
        'и журналисту Айгуль Сапаровой по ст. 143 ГК РК. Истец требовал 78 млн 100 тыс. тенге. Дело № 7527-20-00-2/1234.',
    );
    expect(facts.courts).toContain('Медеуский районный суд города Алматы');
    expect(facts.people).toContain('Айгуль Сапаровой');
    expect(facts.outlets).toContain('Время');
    expect(facts.lawArticles).toEqual(['ГК 143']);
    expect(facts.amountsKzt).toEqual([78_100_000]);
    expect(facts.caseNumbers).toEqual(['7527-20-00-2/1234']);
    expect(facts.dates).toEqual(['2020-08-12']);
    expect(facts.places).toContain('Алматы');
    expect(facts.outcome).toBe('partial');
  });

  it('reads Kazakh article numbers in the -бабы form and Kazakh dates', () => {
    const facts = extractFacts(
      'Алматы қаласы Медеу аудандық соты 2023 жылғы 5 наурызда тілші Асқар Нұрланұлына қатысты ҚК-нің 274-бабы бойынша ' +
        'істі қарады. Талап арыз қанағаттандырусыз қалды.',
    );
    expect(facts.lawArticles).toEqual(['УК 274']);
    expect(facts.dates).toEqual(['2023-03-05']);
    expect(facts.courts[0]).toContain('аудандық соты');
    expect(facts.outcome).toBe('for_media');
  });

  it('reads English article references, KZT amounts and administrative articles', () => {
    const facts = extractFacts(
      'Journalist Aigerim Tokayeva was charged under Article 274 of the Criminal Code; earlier a protocol was drawn up under ' +
        'КоАП 73-3. The plaintiff seeks KZT 150 million. On March 3, 2024 the court adjourned the hearing.',
    );
    expect(facts.people).toContain('Aigerim Tokayeva');
    expect(facts.lawArticles).toEqual(expect.arrayContaining(['УК 274', 'КоАП 73-3']));
    expect(facts.amountsKzt).toEqual([150_000_000]);
    expect(facts.dates).toEqual(['2024-03-03']);
    expect(facts.outcome).toBe('pending');
  });

  it('finds nothing in a text without facts', () => {
    const facts = extractFacts('Погода в выходные будет тёплой.');
    expect(facts.people).toEqual([]);
    expect(facts.lawArticles).toEqual([]);
    expect(facts.outcome).toBeNull();
  });
});

describe('extractFacts places', () => {
  it('finds cities in their inflected forms (ru locative, kk locative and dative)', () => {
    const facts = extractFacts(
      'В Караганде и в Уральске задержали двух блогеров. Ақтөбеде тілшіні полиция шақырды, ал Шымкентке келген ' +
        'журналистке аккредитация берілмеді. Позже суд в Астане отказал.',
    );
    expect(facts.places).toEqual(['Караганда', 'Уральск', 'Актобе', 'Шымкент', 'Астана']);
  });

  it('takes a region, not also the city its adjective starts with', () => {
    const facts = extractFacts(
      'В Карагандинской области и в Павлодарской области проверили районные газеты.',
    );
    expect(facts.places).toEqual(['Карагандинская область', 'Павлодарская область']);
  });

  it('does not read Kazakh "returned" (оралды), Russian "families" words or "scales" as cities', () => {
    const facts = extractFacts(
      'Журналист елге оралды. Представители семейного бизнеса выступили. Таразы мен өлшеуіштер тексерілді.',
    );
    expect(facts.places).toEqual([]);
  });
});
