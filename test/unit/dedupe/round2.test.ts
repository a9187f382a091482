/**
 * Issue 20 (deduplication round two): containment, URLs by meaning, prices, dates, claim structure,
 * greetings / sign-offs / fillers from data, and the two fast-check properties of the issue.
 * Everything goes through the public entry point (analyse + compare, or the engine).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse, compare, DedupeEngine, fingerprintOf, MemoryDedupeIndex } from '#shared/dedupe/index.ts';

const same = (a: string, b: string): boolean => compare(fingerprintOf('q', analyse(a)), fingerprintOf('c', analyse(b))).duplicate;

async function clustersOf(texts: readonly string[]): Promise<string[]> {
  const engine = new DedupeEngine(new MemoryDedupeIndex());
  const out: string[] = [];
  for (const [i, text] of texts.entries()) out.push((await engine.process({ tipId: `t${i}`, objectId: 'obj', text })).clusterId);
  return out;
}

describe('containment rule', () => {
  const full = 'The towel is from the Hotel Sol Mar in Albufeira, Portugal. My aunt stayed there in 2009 and brought one home, the stripes are exactly the same.';

  it('a resubmission that drops a trailing clause without distinctive tokens is a duplicate, both ways round', async () => {
    // Prepare
    const short = 'The towel is from the Hotel Sol Mar in Albufeira, Portugal. My aunt stayed there in 2009';
    // Act
    const [a, b] = await clustersOf([full, short]);
    const [c, d] = await clustersOf([short, full]);
    // Assess
    expect(b).toBe(a);
    expect(d).toBe(c);
  });

  it('an addition that names a place, a shop, a number or a date makes another claim', () => {
    // Prepare
    const short = 'Towels like this were sold in a small shop near the harbour, my aunt bought two of them there for the flat.';
    const additions = [', in the old town of Faro', ', at Continente', ', in 2011', ', shop number 14', ', on 3 March'];
    // Act
    const merged = additions.map((add) => same(short.replace(/\.$/, add + '.'), short));
    // Assess
    expect(merged).toEqual(additions.map(() => false));
  });

  it('a few shared words are not a claim: a short tip inside a long one stays apart', () => {
    // Prepare
    const long = 'I am fairly sure the towel came from a beach hotel, my sister had the same pattern in her bathroom for years.';
    // Act
    const merged = same('the towel came from a beach hotel', long);
    // Assess
    expect(merged).toBe(false);
  });
});

describe('web addresses by meaning', () => {
  const base = 'This bag is sold online here: https://www.taschenwelt-shop.de/produkt/einkaufstasche-blau?id=48213';

  it.each([
    ['tracking parameters added', 'This bag is sold online here: https://www.taschenwelt-shop.de/produkt/einkaufstasche-blau?id=48213&utm_source=fb&utm_medium=social&fbclid=IwAR3'],
    ['scheme, www, case, slash, fragment', 'This bag is sold online here: HTTP://TASCHENWELT-SHOP.DE/produkt/einkaufstasche-blau/?id=48213#reviews'],
    ['gclid, mc_cid and ref in another order', 'This bag is sold online here: taschenwelt-shop.de/produkt/einkaufstasche-blau?gclid=abc&ref=home&id=48213&mc_cid=9a8b'],
  ])('%s: the same address', (_label, variant) => {
    // Act
    const merged = same(variant, base);
    // Assess
    expect(merged).toBe(true);
  });

  it.each([
    ['another item id', 'This bag is sold online here: https://www.taschenwelt-shop.de/produkt/einkaufstasche-blau?id=48214'],
    ['another path', 'This bag is sold online here: https://www.taschenwelt-shop.de/produkt/einkaufstasche-rot?id=48213'],
    ['another shop', 'This bag is sold online here: https://www.taschenwelt-shop.at/produkt/einkaufstasche-blau?id=48213'],
  ])('%s: another claim', (_label, variant) => {
    // Act
    const merged = same(variant, base);
    // Assess
    expect(merged).toBe(false);
  });
});

describe('prices by amount and currency', () => {
  const tip = (price: string): string => `I saw this bag at a Lidl in Vienna for ${price} last spring.`;

  it('one price written in several ways is one price', () => {
    // Prepare
    const forms = ['€2.49', '2,49 €', '2.49 EUR', 'EUR 2,49', '2.49 euros', '€ 2,49'];
    // Act
    const merged = forms.map((f) => same(tip(f), tip('€2.49')));
    // Assess
    expect(merged).toEqual(forms.map(() => true));
  });

  it('another amount or another currency is another claim', () => {
    // Prepare
    const others = ['€2.59', '$2.49', '£2.49', '2.49 zł', '€24.9', '€249'];
    // Act
    const merged = others.map((f) => same(tip(f), tip('€2.49')));
    // Assess
    expect(merged).toEqual(others.map(() => false));
  });
});

describe('claim structure', () => {
  it.each([
    ['Dieser Becher stammt aus Österreich, nicht aus der Schweiz, man bekam ihn bei OMV.', 'Dieser Becher stammt aus der Schweiz, nicht aus Österreich, man bekam ihn bei OMV.'],
    ['Esta taza es de México, no de España; la compré en un mercado.', 'Esta taza es de España, no de México; la compré en un mercado.'],
    ['It was definitely sold in Porto, not in Lisbon.', 'It was definitely sold in Lisbon, not in Porto.'],
  ])('negation scope: "A, not B" and "B, not A" are different claims (%s)', (a, b) => {
    // Act
    const merged = same(a, b);
    // Assess
    expect(merged).toBe(false);
  });

  it('places in sequence keep their order, while reordered clauses with their places stay one claim', () => {
    // Prepare
    const a = 'Il treno andava prima a Bologna e poi a Firenze, la tazza era nel bar della stazione.';
    const swapped = 'Il treno andava prima a Firenze e poi a Bologna, la tazza era nel bar della stazione.';
    const x = 'The fox patch is sold on Etsy by a seller from Ghent, the shop is called LittleFoxStitch.';
    const reordered = 'The shop is called LittleFoxStitch, the fox patch is sold on Etsy by a seller from Ghent.';
    // Act
    const order = same(a, swapped);
    const clauses = same(x, reordered);
    // Assess
    expect(order).toBe(false);
    expect(clauses).toBe(true);
  });
});

describe('greetings, sign-offs and fillers from data', () => {
  const claim = 'Ta tapeta była w mieszkaniu mojej babci w Gdańsku, przy ulicy Długiej, w kuchni nad stołem.';

  it.each([
    `Dzień dobry, ${claim} Pozdrawiam serdecznie, Ania`,
    `${claim}\nZ poważaniem\nAnna Kowalska`,
    `Witam! ${claim} Dzięki`,
    `Chyba ${claim.toLowerCase()} Miłego dnia`,
  ])('wrapped, signed or hedged, the claim is the same: %s', (variant) => {
    // Act
    const merged = same(variant, claim);
    // Assess
    expect(merged).toBe(true);
  });

  it.each([
    ['Здравствуйте! Эти обои были у моей бабушки в Казани, на улице Баумана. С уважением, Ирина', 'Эти обои были у моей бабушки в Казани, на улице Баумана.'],
    ['Merhaba, bu fincan Kemeraltı çarşısında satılıyordu, annem de aynısından almıştı. Saygılarımla, Ayşe', 'Bu fincan Kemeraltı çarşısında satılıyordu, annem de aynısından almıştı.'],
    ['Hola, creo que esta taza es de un mercado de Oaxaca, probablemente. Saludos cordiales, Lupe', 'Esta taza es de un mercado de Oaxaca.'],
    ['Je pense que cette tapisserie était chez ma tante, dans la chambre du fond. Merci et bonne journée, Claire', 'Cette tapisserie était chez ma tante, dans la chambre du fond.'],
  ])('in other languages too: %s', (variant, original) => {
    // Act
    const merged = same(variant, original);
    // Assess
    expect(merged).toBe(true);
  });
});

// ---- the two properties of the issue ----

const CLAIMS = [
  'The towel is from the Hotel Sol Mar in Albufeira, my aunt stayed there and brought one home.',
  'Diese Tapete hatten meine Großeltern in Gotha im Flur, bis zur Renovierung.',
  'Ce mug vient de Lyon, pas de Lille: le blason avec le lion est celui de Lyon.',
  'Plecak jest z Decathlonu, kupiłem taki sam synowi do szkoły w Gdańsku.',
  'Эти обои были у моей бабушки в Казани, на улице Баумана.',
  'I saw this bag at a Lidl in Vienna for €2.49, call them on +43 1 512 34 56.',
];
const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u202e', '\u2066', '\u00ad'];
const HOMOGLYPHS: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', i: 'і', A: 'А', E: 'Е', O: 'О', T: 'Т', H: 'Н' };
const GREETINGS = ['Hello! ', 'Dear team, ', 'Guten Tag, ', 'Bonjour, ', 'Dzień dobry, ', 'Здравствуйте! ', 'Hola, '];
const SIGN_OFFS = [' Thanks!', '\nKind regards,\nSarah Whitfield', ' Mit freundlichen Grüßen, Klaus', ' Cordialement, Sophie', ' Pozdrawiam, Ania', ' С уважением, Ирина', ' Saludos, Lupe'];

/** An evasion on a text, decided by the drawn bits; latin-only evasions leave other scripts alone. */
type Evasion = (t: string, bits: number) => string;
const EVASIONS: Record<string, Evasion> = {
  case: (t, b) => (b % 2 ? t.toUpperCase() : t.toLowerCase()),
  width: (t) => t.replace(/[A-Za-z0-9]/g, (c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)),
  entities: (t, b) => t.replace(/[a-z,]/g, (c, k: number) => ((k + b) % 3 === 0 ? (c === ',' ? '&#44;' : `&#${c.codePointAt(0)};`) : c)),
  invisible: (t, b) =>
    t.replace(/(?<=\p{L})(?=\p{L})/gu, () => {
      b = (b * 1103515245 + 12345) % 2147483648;
      return b % 4 === 0 ? INVISIBLES[(b >> 3) % INVISIBLES.length]! : '';
    }),
  homoglyphs: (t, b) => t.replace(/[aeopcxiAEOTH]/g, (c, k: number) => ((k + b) % 2 === 0 ? HOMOGLYPHS[c]! : c)),
  nfd: (t) => t.normalize('NFD'),
  punctuation: (t, b) => (b % 2 ? t.replace(/[,:;!?]|\.(?=\s|$)/g, '') : t.replace(/, /g, ' , ').replace(/\.$/, '!!')),
  greeting: (t, b) => GREETINGS[b % GREETINGS.length]! + t,
  signoff: (t, b) => t + SIGN_OFFS[b % SIGN_OFFS.length]!,
};

describe('fast-check properties (issue 20)', () => {
  it('a tip and any mix of evasions applied to it are always duplicates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: CLAIMS.length - 1 }),
        fc.array(fc.tuple(fc.constantFrom(...Object.keys(EVASIONS).filter((e) => e !== 'greeting' && e !== 'signoff')), fc.nat(1000)), { maxLength: 5 }),
        fc.option(fc.nat(1000), { nil: undefined }),
        fc.option(fc.nat(1000), { nil: undefined }),
        (k, mix, greeting, signoff) => {
          // Prepare: at most one greeting and one sign-off, around the claim as a tipster writes them,
          // then any mix of the character-level evasions over the whole text.
          let text = CLAIMS[k]!;
          if (greeting !== undefined) text = EVASIONS['greeting']!(text, greeting);
          if (signoff !== undefined) text = EVASIONS['signoff']!(text, signoff);
          for (const [e, bits] of mix) text = EVASIONS[e]!(text, bits);
          // Act
          const merged = same(text, CLAIMS[k]!);
          // Assess
          expect(merged, JSON.stringify(text)).toBe(true);
        },
      ),
      { numRuns: 300, seed: 20 },
    );
  });

  const DIGIT_TIPS: readonly [string, string][] = [
    ['phone', 'Call the café, their number is +43 1 512 34 56, they sold these mugs.'],
    ['price', 'I saw this bag at a Lidl in Vienna for €12.49 last spring.'],
    ['year', 'My aunt stayed at the Hotel Sol Mar in Albufeira in 2009 and brought one home.'],
    ['street number', 'Diese Tapete hatten meine Großeltern in der Hauptstraße 12 in Gotha, im Flur.'],
    ['postcode', 'Cette tapisserie était chez ma tante à Nantes, 44000, dans la chambre du fond.'],
  ];

  it('changing one digit of a phone, price, year, street number or postcode always makes another claim', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: DIGIT_TIPS.length - 1 }), fc.nat(100), fc.integer({ min: 1, max: 9 }), (k, pos, delta) => {
        // Prepare
        const text = DIGIT_TIPS[k]![1];
        const digits = [...text.matchAll(/\d/g)].map((m) => m.index);
        const at = digits[pos % digits.length]!;
        const changed = text.slice(0, at) + String((Number(text[at]) + delta) % 10) + text.slice(at + 1);
        // Act
        const merged = same(changed, text);
        // Assess
        expect(merged, `${DIGIT_TIPS[k]![0]}: ${changed}`).toBe(false);
      }),
      { numRuns: 300, seed: 20 },
    );
  });
});
