/**
 * Synthetic tip floods for tests: claim templates with distinctive slots
 * (city, phone, price, URL, coordinates, brand) and the evasions seen in
 * real floods. Independent of the dev set: its own sentences and slot values.
 */

export type Rng = () => number;

export function rng(seed: number): Rng {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
}

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

export const TEMPLATES: readonly string[] = [
  'The curtain fabric is the same as in a guesthouse in {city}, we stayed there in {year}.',
  'I recognise this mug, it was sold at a petrol station near {city} for {price} euros.',
  'That lamp was made by a small factory in {city}. Their phone number was {phone}.',
  'You can still buy this bedspread online at {url}, it is a regional design.',
  'The tiles look exactly like the bathroom of a holiday flat at {coords}.',
  'My neighbour in {city} has the same carpet in the hallway, bought from {brand}.',
  'This chocolate wrapper is from {brand}, only sold in supermarkets around {city}.',
  'The radiator cover is typical of council flats built in {city} during the {year}s.',
  'We had this exact teddy bear at the kindergarten in {city}. Call me on {phone}.',
  'The duvet pattern was a promotional gift from {brand} in {year}, I still have mine.',
  'I am fairly sure the shampoo bottle comes from {brand}. It smells the same. Price was {price}.',
  'The window handle is a model used in schools in {city}, see {url} for the catalogue.',
];

const SLOTS: Record<string, readonly string[]> = {
  city: ['Ghent', 'Bruges', 'Utrecht', 'Malmö', 'Gdańsk', 'Brno', 'Graz', 'Porto', 'Bilbao', 'Turin', 'Nantes', 'Cork', 'Aarhus', 'Kraków', 'Zürich', 'Toulouse'],
  year: ['1987', '1993', '2004', '2011', '1979', '1999'],
  price: ['3.50', '12', '4,99', '7.25', '19', '2.10'],
  phone: ['+32 9 123 45 67', '+48 58 301 22 90', '0031 30 555 0199', '+420 541 000 123', '+41 44 987 65 43', '+351 22 345 6789'],
  url: ['www.bedlinen-nord.de', 'shop.example-textile.be', 'https://catalogue.fenster-graz.at/handles', 'www.wohnstoffe.ch', 'kids-bears.example.nl'],
  coords: ['45.7640, 4.8357', '51.0543, 3.7174', '-33.8688, 151.2093', '41.1579, -8.6291', '50.0755, 14.4378'],
  brand: ['Milka', 'Lidl', 'Zeeman', 'Hema', 'Rossmann', 'Tchibo', 'Kaufland', 'Biedronka'],
};

export interface Claim {
  readonly template: number;
  readonly text: string;
  readonly slots: Record<string, string>;
}

export function claim(r: Rng, template?: number): Claim {
  const t = template ?? Math.floor(r() * TEMPLATES.length);
  const slots: Record<string, string> = {};
  const text = TEMPLATES[t]!.replace(/\{(\w+)\}/g, (_, k: string) => (slots[k] ??= pick(r, SLOTS[k]!)));
  return { template: t, text, slots };
}

/** Same template, exactly one slot changed to another value. */
export function hardNegative(r: Rng, c: Claim): Claim | null {
  const keys = Object.keys(c.slots);
  const k = pick(r, keys);
  const alternatives = SLOTS[k]!.filter((v) => v !== c.slots[k]);
  const v = pick(r, alternatives);
  const text = c.text.split(c.slots[k]!).join(v);
  return text === c.text ? null : { template: c.template, text, slots: { ...c.slots, [k]: v } };
}

const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202a', '\u202c', '\u2066', '\u2069', '\ufe0f', '\u180e'];
const HOMOGLYPHS: Record<string, string[]> = {
  a: ['а', 'α'], e: ['е'], o: ['о', 'ο', 'օ'], p: ['р', 'ρ'], c: ['с', 'ϲ'], x: ['х', 'χ'], y: ['у'], i: ['і', 'ι'],
  s: ['ѕ'], h: ['һ'], j: ['ј'], A: ['А', 'Α'], B: ['В', 'Β'], E: ['Е', 'Ε'], H: ['Н', 'Η'], K: ['К', 'Κ'],
  M: ['М', 'Μ'], O: ['О', 'Ο'], P: ['Р', 'Ρ'], T: ['Т', 'Τ'], C: ['С'], X: ['Х'],
};
const GREETINGS_BEFORE = ['Hello! ', 'Hi, ', 'Dear team, ', 'Good morning. ', 'Good evening. ', 'Hello police, ', 'Dear investigators, ', 'Hey, '];
const GREETINGS_AFTER = [' Thanks.', ' Thank you!', ' Hope this helps.', ' 🙏', ' Kind regards', ' Good luck!', ' Thanks a lot for your work.', ' Best wishes.'];

function mapChars(text: string, r: Rng, p: number, f: (c: string) => string | null): string {
  return Array.from(text)
    .map((c) => (r() < p ? (f(c) ?? c) : c))
    .join('');
}

/** A one-letter typo in a random word of five letters or more (never in digits). */
export function typo(text: string, r: Rng): string {
  const words = [...text.matchAll(/\p{L}{5,}/gu)];
  if (words.length === 0) return text;
  const m = pick(r, words);
  const w = m[0];
  const i = 1 + Math.floor(r() * (w.length - 2));
  const op = Math.floor(r() * 4);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let nw: string;
  if (op === 0) nw = w.slice(0, i) + w.slice(i + 1);
  else if (op === 1) nw = w.slice(0, i) + pick(r, [...letters]) + w.slice(i);
  else if (op === 2) nw = w.slice(0, i) + pick(r, [...letters]) + w.slice(i + 1);
  else nw = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  return text.slice(0, m.index) + nw + text.slice(m.index! + w.length);
}

export const EVASIONS: Record<string, (t: string, r: Rng) => string> = {
  exact: (t) => t,
  space: (t, r) => '  ' + t.replace(/ /g, () => (r() < 0.3 ? '   ' : ' ')).replace(/, /g, ' ,') + '\n',
  zerowidth: (t, r) => mapChars(t, r, 0.2, (c) => c + pick(r, INVISIBLES)),
  typo: (t, r) => typo(t, r),
  punct: (t) => t.replace(/[,!?]|\.(?=\s|$)/g, ''),
  fullwidth: (t, r) => mapChars(t, r, 0.4, (c) => (/[A-Za-z]/.test(c) ? String.fromCodePoint(c.codePointAt(0)! + 0xfee0) : null)),
  reorder: (t, r) => {
    const parts = t.split(/(?<=[.!?])\s+/);
    if (parts.length > 1) return [...parts.slice(1), parts[0]!].join(' ');
    return r() < 0.5 ? t + ' the' : t;
  },
  entity: (t, r) =>
    mapChars(t, r, 0.15, (c) => (c === ',' ? '&#44;' : c === '&' ? '&amp;' : /[a-z]/.test(c) ? (r() < 0.5 ? `&#${c.codePointAt(0)};` : `&#x${c.codePointAt(0)!.toString(16)};`) : null)),
  homoglyph: (t, r) => mapChars(t, r, 0.3, (c) => (HOMOGLYPHS[c] ? pick(r, HOMOGLYPHS[c]!) : null)),
  mixed: (t, r) => pick(r, GREETINGS_BEFORE) + typo(t, r).toLowerCase() + pick(r, GREETINGS_AFTER),
  wrap: (t, r) => (r() < 0.5 ? pick(r, GREETINGS_BEFORE) + t : t + pick(r, GREETINGS_AFTER)),
  case: (t, r) => (r() < 0.5 ? t.toUpperCase() : t.toLowerCase()),
  nfd: (t) => t.normalize('NFD'),
};
