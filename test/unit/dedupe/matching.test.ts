import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyse, compare, decodeEntry, encodeEntry, fingerprintOf, isTypo } from '#shared/dedupe/index.ts';
import type { Comparison } from '#shared/dedupe/index.ts';
import { sameNumber } from '#shared/dedupe/numbers.ts';

const cmp = (a: string, b: string): Comparison => compare(fingerprintOf('q', analyse(a)), fingerprintOf('c', analyse(b)));

describe('distinctive tokens', () => {
  it('extracts numbers, addresses, negation and proper nouns from the original text', () => {
    // Prepare
    const text = 'Dear team, it is NOT from Lyon: call +33 4 55 55 01 87 or see WWW.Example-Hotel.fr/Towels, mail info@hotel-lyon.fr. Thanks!';
    // Act
    const a = analyse(text);
    // Assess
    expect([...a.strong].sort()).toEqual(['!neg:lyon', '#+33455550187', '~example-hotel.fr/towels', '~info@hotel-lyon.fr'].sort());
    expect(a.words.get('lyon')).toBe(true);
    expect(a.words.has('dear')).toBe(false);
    expect(a.words.has('thanks')).toBe(false);
  });

  it('does not read capitals at a sentence start or in a shouted text as proper nouns', () => {
    // Prepare
    const normal = analyse('Wallpaper like this was common. Flats in the east had it.');
    const shouted = analyse('WALLPAPER LIKE THIS WAS COMMON IN LYON');
    // Act
    const caps = [...normal.words].filter(([, c]) => c).map(([w]) => w);
    const shoutedCaps = [...shouted.words].filter(([, c]) => c);
    // Assess
    expect(caps).toEqual([]);
    expect(shoutedCaps).toEqual([]);
  });

  it('canonicalises numbers across spacing, separators and number words', () => {
    // Prepare
    const variants = ['Call +33 4 55 55 01 87.', 'Call +33   4 55 55 01 87', 'Call +33.4.55.55.01.87', 'call (33) 455-550-187'];
    // Act
    const tokens = variants.map((v) => [...analyse(v).strong]);
    // Assess
    // One number: "+" marks the international form (numbers.ts), and without it the same digits.
    for (const t of tokens) expect(t).toHaveLength(1);
    for (const [t] of tokens) expect(sameNumber(t!, '#+33455550187')).toBe(true);
    expect(tokens.map(([t]) => t)).toEqual(['#+33455550187', '#+33455550187', '#+33455550187', '#33455550187']);
    expect([...analyse('two towels').strong]).toEqual(['#2']);
  });
});

describe('hard negatives are never merged', () => {
  const template = (x: string): string => `I saw this exact towel in a hotel in ${x} last summer, the logo is on the corner.`;
  it.each([
    ['another city', template('Lyon'), template('Lille')],
    ['another city, lower case', template('Lyon'), template('lille').toLowerCase()],
    ['another 4-letter city one letter apart', template('Bern'), template('Born')],
    ['another phone', 'The tag has a phone number: +33 4 55 55 01 23. Maybe the hotel?', 'The tag has a phone number: +33 4 55 55 01 87. Maybe the hotel?'],
    ['another price', 'It was sold at the petrol station for 4.99 euros.', 'It was sold at the petrol station for 5.99 euros.'],
    ['a moved decimal mark', 'It was sold at the petrol station for 4.99 euros.', 'It was sold at the petrol station for 49.9 euros.'],
    ['another web address', 'Check the website printed on the box: www.example-vlocky.cz', 'Check the website printed on the box: www.example-platki.pl'],
    ['another e-mail', 'The seller wrote from anna.kowalska@example.pl about the towel.', 'The seller wrote from jan.nowak@example.pl about the towel.'],
    ['coordinates with the other hemisphere', 'The flat is at -33.8688, 151.2093 I think.', 'The flat is at 33.8688, 151.2093 I think.'],
    ['a negation', 'The box is from Poland, the writing on the side is Polish.', 'The box is not from Poland, the writing on the side is Polish.'],
    ['a number word', 'There were two towels like this in the hotel bathroom.', 'There were three towels like this in the hotel bathroom.'],
    ['an added number', 'The hotel in Lyon had this towel in every room.', 'The hotel in Lyon had this towel in room 12.'],
    ['a substituted content word', 'The towel in the hotel bathroom was blue with white stripes.', 'The towel in the hotel bathroom was red with white stripes.'],
    ['a different claim on the same object', 'The plug socket is type F, which is used in Germany and Austria.', 'The plug socket is type G, which is used in the UK and Ireland.'],
    ['a type letter', 'The plug socket is type F, which is used in many countries.', 'The plug socket is type G, which is used in many countries.'],
  ])('%s', (_, a, b) => {
    // Prepare: a and b share a template but make different claims.
    // Act
    const forward = cmp(a, b);
    const backward = cmp(b, a);
    // Assess
    expect(forward.duplicate).toBe(false);
    expect(backward.duplicate).toBe(false);
  });
});

describe('resubmissions are merged', () => {
  const original = 'I saw this exact towel in a hotel in Lyon last summer, the logo is on the corner.';
  it.each([
    ['greeting and thanks wrap', `Hello! ${original} Thank you!`],
    ['lower case, wrapped, with a typo', `dear team, ${original.toLowerCase().replace('summer', 'summr')} 🙏`],
    ['typo in a long proper noun', original.replace('Lyon', 'Lyonnais').replace('in a hotel', 'in a hotel near Lyonnais'), false],
    ['sentence reorder and a stray word', 'The logo is on the corner. I saw this exact towel in a hotel in Lyon last summer. the'],
    ['punctuation removed', original.replace(/[,.]/g, '')],
    ['a dropped space', original.replace('the corner', 'thecorner')],
    ['homoglyphs and zero-width characters', 'I saw thіs eхаct to\u200bwel іn а hotеl in Lyоn last summer, the lo\u00adgo is on the cornеr.'],
  ])('%s', (_, variant, expected = true) => {
    // Prepare
    // Act
    const c = cmp(variant as string, original);
    // Assess
    expect(c.duplicate).toBe(expected);
  });

  it('accepts one typo in a long proper noun but not a different short name', () => {
    // Prepare
    const pairs: [string, string, boolean][] = [
      ['germnay', 'germany', true],
      ['leipzg', 'leipzig', true],
      ['turn', 'turin', true],
      ['lyon', 'lille', false],
      ['nice', 'rice', false],
      ['bern', 'born', false],
      ['poland', 'roland', false],
    ];
    // Act
    const got = pairs.map(([a, b]) => isTypo(a, b, true));
    // Assess
    expect(got).toEqual(pairs.map(([, , want]) => want));
  });

  it('merges a typo resubmission that differs only in a long place name', () => {
    // Prepare
    const a = 'The plug socket is type F, which is used in Germany and Austria.';
    const b = 'The plug socket is type F, which is used in Germnay and Austria.';
    // Act
    const c = cmp(b, a);
    // Assess
    expect(c).toMatchObject({ duplicate: true, exact: false });
  });

  it('keeps a negation with what it negates: the same words with the places swapped are another claim', () => {
    // Prepare
    const lyon = 'Ce mug vient de Lyon, pas de Lille : le blason avec le lion rouge est celui de Lyon.';
    const lille = 'Ce mug vient de Lille, pas de Lyon : le blason avec le lion rouge est celui de Lille.';
    const valenciaVe = 'El llavero es de un concesionario de Valencia, Venezuela, no de España.';
    const valenciaEs = 'El llavero es de un concesionario de Valencia, España, no de Venezuela.';
    // Act / Assess
    expect(cmp(lille, lyon).duplicate).toBe(false);
    expect(cmp(valenciaEs, valenciaVe).duplicate).toBe(false);
    // a typo in the negated word still negates the same place
    expect(cmp(lyon.replace('pas de Lille', 'pas de Lile'), lyon).duplicate).toBe(true);
    expect(cmp(valenciaVe.toLowerCase().replace(/[ñ]/g, 'n'), valenciaVe).duplicate).toBe(true);
  });

  it.each([
    ['Dutch', 'Dit kleed is een Perzisch tapijt uit Tabriz.', 'Dit kleed is geen Perzisch tapijt uit Tabriz.'],
    ['German', 'Das ist ein Handtuch aus einem Hotel in Wien.', 'Das ist kein Handtuch aus einem Hotel in Wien.'],
    ['Polish', 'To jest ręcznik z hotelu w Krakowie.', 'To nie jest ręcznik z hotelu w Krakowie.'],
    ['Czech', 'Je to ručník z hotelu v Brně.', 'Není to ručník z hotelu v Brně.'],
  ])('reads a %s negation as a different claim', (_, positive, negative) => {
    // Prepare / Act
    const c = cmp(negative, positive);
    // Assess
    expect(c.duplicate).toBe(false);
  });

  it('accepts two swapped letters in a long word, not in a short one', () => {
    // Prepare / Act / Assess
    expect(isTypo('consecionario', 'concesionario', false)).toBe(true);
    expect(isTypo('paris', 'pasir', true)).toBe(false);
    expect(isTypo('gdansk', 'gsnadk', true)).toBe(false);
  });

  it('folds a Greek or Russian tip alike in capitals, small letters, decomposed accents and Latin lookalikes', () => {
    // Prepare
    const greek = 'Η ετικέτα είναι από ούζο της Μυτιλήνης. Το έχω δει σε ταβέρνα στην Πλάκα.';
    const variants = [greek.toUpperCase(), greek.normalize('NFD'), 'H ετικέτα είναι από ούζo της Mυτιλήvης. To έχω δει σε ταβέρνα στην Πλάκα.'];
    // Act / Assess
    for (const v of variants) expect(cmp(v, greek).duplicate).toBe(true);
    expect(cmp('ТАКАЯ ФОРМА БЫЛА В ШКОЛЕ № 57 В НОВОСИБИРСКЕ.', 'Такая форма была в школе 57 в Новосибирске.').duplicate).toBe(true);
  });

  it('ignores Arabic tatweel and greetings in other scripts, but not a Hebrew negation', () => {
    // Prepare
    const arabic = 'هذه البطانية من سوق الحميدية في دمشق، اشتريت واحدة مثلها سنة 2009.';
    const hebrew = 'השמיכה הזאת נמכרה בשוק הכרמל בתל אביב, בדוכן ליד רחוב אלנבי.';
    const japanese = 'このキーホルダーは京都の清水寺の売店で売っています。私も去年買いました。';
    // Act / Assess
    expect(cmp(arabic.replace('البطانية', 'البطــانية'), arabic).duplicate).toBe(true);
    expect(cmp(`שלום, ${hebrew} תודה רבה!`, hebrew).duplicate).toBe(true);
    expect(cmp(`こんにちは！${japanese}よろしくお願いします。`, japanese).duplicate).toBe(true);
    expect(cmp(hebrew.replace('נמכרה', 'לא נמכרה'), hebrew).duplicate).toBe(false);
  });

  it('keeps claims that differ only in a colour apart, even in a long tip', () => {
    // Prepare
    const tip = (colour: string): string =>
      `My son wore exactly this uniform at St Bride's Primary School in Glasgow between 2011 and 2016. The ${colour} jumper with the crest and the grey pinafore were only sold at Marchbank & Sons on Byres Road, and I remember the crest had a small ship above an open book. I am almost sure the shop stopped making them after 2017, when the school changed supplier.`;
    // Act / Assess
    expect(cmp(tip('navy'), tip('maroon')).duplicate).toBe(false);
    expect(cmp(`Hello, ${tip('maroon').toLowerCase()} thanks`, tip('maroon')).duplicate).toBe(true);
  });

  it('matches a lower-case resubmission against the stored sample of a long tip', () => {
    // Prepare: a long tip (the index stores a sample of its words, every proper noun kept) and its
    // resubmission in small letters with a greeting, an entity and zero-width characters
    const rows = new Map(
      readFileSync(new URL('../../fixtures/dedupe-holdout-2.jsonl', import.meta.url), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { id: string; text: string })
        .map((row) => [row.id, row.text] as const),
    );
    const stored = decodeEntry(encodeEntry(fingerprintOf('c', analyse(rows.get('r032')!))));
    // Act
    const c = compare(fingerprintOf('q', analyse(rows.get('r181')!)), stored);
    // Assess
    expect(stored.sampled).toBe(true);
    expect(c.duplicate).toBe(true);
  });

  it('compares Chinese and Thai by character pairs: spacing, greetings and a one-letter typo still match', () => {
    // Prepare
    const zh = '这个兔子玩偶是2016年在上海的玩具反斗城买的，价格是89元。';
    const th = 'ผ้าม่านแบบนี้ขายที่ตลาดจตุจักรในกรุงเทพฯ ราคาผืนละ 250 บาท';
    // Act / Assess
    expect(cmp('　这个兔子玩偶是 2016 年在上海的玩具反斗城买的，价格是 89 元。 ', zh).duplicate).toBe(true);
    expect(cmp(`你好！${zh}谢谢！`, zh).duplicate).toBe(true);
    expect(cmp(zh.replace('89', '98'), zh).duplicate).toBe(false);
    expect(cmp(th.replace('จตุจักร', 'จตุจัก'), th).duplicate).toBe(true);
    // another city is another claim, in Chinese as in English
    expect(cmp(zh.replace('上海', '北京'), zh).duplicate).toBe(false);
  });

  it('drops a signature under a sign-off, reads St. as Street and Persian and Arabic letters alike', () => {
    // Prepare
    const tip = 'The blue bear cup is sold at Tesco in Manchester, I bought two of them there in 2019.';
    const fa = 'این شامپو ساخت ترکیه است و در داروخانه‌های تهران فروخته می‌شود.';
    // Act / Assess
    expect(cmp(`Hi there,\n${tip}\n\nKind regards,\nSarah Whitfield\nSent from my phone`, tip).duplicate).toBe(true);
    expect(cmp('There is a clock repair shop at 14 King St. in Bristol.', 'There is a clock repair shop at 14 King Street in Bristol.').duplicate).toBe(true);
    expect(cmp(fa.replace(/ی/g, 'ي').replace(/ک/g, 'ك'), fa).duplicate).toBe(true);
    expect(cmp('My clock is identicle, it was made in Switzerland in the 1970s.', 'My clock is identical, it was made in Switzerland in the 1970s.').duplicate).toBe(true);
  });

  it('drops a sign-off with a name or initials on one line, and keeps Chinese colours apart', () => {
    // Prepare
    const cz = 'Etiketa je z piva Svijanský Máz, lahev 0,5 l. Tenhle design používali do roku 2013, pak změnili písmo.';
    const sv = 'Påslakanet är från IKEA, mönstret heter Blåsippa och såldes 2014–2016. Vi hade precis likadant i sovrummet.';
    const zh = '这个书包是在上海的迪卡侬买的，蓝色款，价格是129元。';
    // Act / Assess
    expect(cmp(`Dobrý den, ${cz} S pozdravem J. N.`, cz).duplicate).toBe(true);
    expect(cmp(`Hej! ${sv} Mvh Lena`, sv).duplicate).toBe(true);
    expect(cmp(zh.replace('蓝色', '红色'), zh).duplicate).toBe(false);
    // a last clause that only starts like a sign-off is content: "best shop in Krakow" ≠ "in Warsaw"
    expect(cmp('The towel is from the market hall, best shop in Krakow', 'The towel is from the market hall, best shop in Warsaw').duplicate).toBe(false);
  });

  it('reports an exact duplicate for the same normalised text', () => {
    // Prepare
    const a = 'The light switch looks Italian, the type with the big rocker.';
    const b = '  THE light   switch looks ITALIAN ,the type with the big rocker.\n'.replace('ITALIAN', 'Italian');
    // Act
    const c = cmp(b, a);
    // Assess
    expect(c).toEqual({ duplicate: true, exact: true, similarity: 1 });
  });
});
