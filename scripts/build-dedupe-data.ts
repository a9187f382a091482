/**
 * npm run build:dedupe — regenerates the deduplicator's data files from maintained npm packages:
 *  - shared/dedupe/data/tracking-params.json from tidy-url (MIT, DrKain/tidy-url, data/rules.js):
 *    its "Global" parameter list (removed from every web address), the per-site lists with their host
 *    patterns, the prefixes shared by two or more global names (utm_, mc_, pk_…), and the parameters
 *    it removes on at least MIN_SITES sites (ref, source…), which a shop of its own choosing uses alike;
 *  - shared/dedupe/data/fillers.json from stopwords-iso (MIT, stopwords-iso/stopwords-iso), one list per
 *    language the geo classifier knows and that is written with spaces (Chinese, Japanese and Thai are
 *    compared by character pairs instead), folded like tip text; words that change a claim (negations,
 *    number words, colours, month and weekday names) are left out;
 *  - shared/dedupe/data/calendar.json: month and weekday names (long forms, standalone and in a date, so
 *    Polish "styczeń" and "stycznia" both) in the same languages, from the ICU data built into Node (Intl),
 *    less names that are also a function word somewhere ("may"; a stopword list holding most of its own
 *    language's month names lists the calendar and keeps nothing out): a date is a distinctive token;
 *  - shared/dedupe/data/currencies.json: ISO 4217 codes, symbols and names from Intl, for prices;
 *  - shared/dedupe/data/number-symbols.json from cldr-numbers-full (Unicode CLDR, Unicode licence): the
 *    decimal and group marks of every locale and numbering system ("٫" / "٬" of Arabic-Indic digits, "'"
 *    of Swiss German, "⹁"…), so a number reads alike whatever marks its writer's locale uses;
 *  - shared/dedupe/data/magnitudes.json from the same CLDR files: compact number words ("k", "rb",
 *    "هزار", "만") and the power of ten each multiplies by;
 *  - shared/dedupe/data/calling-codes.json from libphonenumber-js (libphonenumber metadata, Apache-2.0):
 *    country calling codes and their national (trunk) prefixes, for phones written either way.
 * Deterministic: sorted output, no dates.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COLOURS, NEGATIONS, NUMBER_WORDS } from '#shared/dedupe/lexicon.ts';
import { foldCase, type Script } from '#shared/text/normalise.ts';
import { STOPWORDS } from '#shared/dedupe/lexicon.ts';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'shared', 'dedupe', 'data');
const MIN_SITES = 5;

interface SiteRule {
  name: string;
  match: RegExp;
  rules?: string[];
}
const tidyVersion = (require('tidy-url/package.json') as { version: string }).version;
const rules = require('tidy-url/data/rules.js') as SiteRule[];
const global = rules.find((r) => r.name === 'Global')!;
const globalNames = [...new Set((global.rules ?? []).map((p) => p.trim()))].sort();
const prefixCount = new Map<string, number>();
for (const p of globalNames) {
  const m = /^([a-z]+_)/i.exec(p);
  if (m) prefixCount.set(m[1]!.toLowerCase(), (prefixCount.get(m[1]!.toLowerCase()) ?? 0) + 1);
}
const prefixes = [...prefixCount].filter(([, n]) => n >= 2).map(([p]) => p).sort();
const siteCount = new Map<string, number>();
const sites: { host: string; params: string[] }[] = [];
for (const r of rules) {
  if (r === global || !r.rules?.length) continue;
  const params = [...new Set(r.rules.map((p) => p.trim().replace(/\\/g, '')).filter(Boolean))].sort();
  sites.push({ host: r.match.source, params });
  for (const p of params) siteCount.set(p, (siteCount.get(p) ?? 0) + 1);
}
const common = [...siteCount].filter(([, n]) => n >= MIN_SITES).map(([p]) => p).sort();
writeFileSync(
  join(out, 'tracking-params.json'),
  JSON.stringify(
    {
      source: `tidy-url ${tidyVersion} (MIT), data/rules.js: https://github.com/DrKain/tidy-url`,
      how: `global = its Global list; prefixes = a prefix shared by 2+ global names; common = removed on ${MIN_SITES}+ sites; sites = per-host lists (host is a regular expression, case-insensitive)`,
      global: globalNames,
      prefixes,
      common,
      sites,
    },
    null,
    1,
  ) + '\n',
);

const stop = require('stopwords-iso') as Record<string, string[]>;
const stopVersion = (require('stopwords-iso/package.json') as { version: string }).version;
// The languages shared/geo/language.ts identifies, less those written without spaces.
const LANGS = 'en de fr es it pt nl pl cs sk hu fi et lv lt el bg uk ro hr sl sr bs mk sq da sv no nb is ru be tr ko he hi ar fa vi id ms ka hy az kk uz ca gl eu af sw tl bn ur'.split(' ');
// Words are folded in the script of their language, as the tokenizer folds a tip written in it.
const CYRILLIC = new Set(['ru', 'uk', 'bg', 'be', 'sr', 'mk', 'kk']);
const scriptOf = (lang: string): Script => (CYRILLIC.has(lang) ? 'cyrillic' : lang === 'el' ? 'greek' : 'latin');
const anyStopword = new Set<string>(STOPWORDS);
for (const lang of LANGS) for (const w of stop[lang] ?? []) anyStopword.add(foldCase(w.trim(), scriptOf(lang)));
// A stopword list that holds most of its own language's month names (Slovenian's lists "november",
// "december"…) lists the calendar, not function words: it does not keep those names out of the calendar.
const ownMonths = (lang: string): Set<string> =>
  new Set(Array.from({ length: 12 }, (_, m) => foldCase(new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2001, m, 15))), scriptOf(lang))));
const calendarStop = new Set<string>(STOPWORDS);
for (const lang of LANGS) {
  const own = ownMonths(lang);
  const words = (stop[lang] ?? []).map((w) => foldCase(w.trim(), scriptOf(lang)));
  const listsCalendar = words.filter((w) => own.has(w)).length >= 6;
  for (const w of words) if (!listsCalendar) calendarStop.add(w);
}
const months = new Map<string, number>();
const weekdays = new Map<string, number>();
for (const lang of [...LANGS, 'zh', 'ja', 'th']) {
  const add = (map: Map<string, number>, name: string, n: number): void => {
    const f = foldCase(name.replace(/[.\s]+$/u, ''), scriptOf(lang));
    if (Array.from(f).length >= 3 && /^[\p{L}\p{M}]+$/u.test(f) && !calendarStop.has(f) && !map.has(f)) map.set(f, n);
  };
  for (let m = 0; m < 12; m++) {
    const d = new Date(Date.UTC(2001, m, 15));
    add(months, new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' }).format(d), m + 1);
    const part = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', timeZone: 'UTC' }).formatToParts(d).find((x) => x.type === 'month');
    if (part) add(months, part.value, m + 1);
  }
  // 2001-01-07 was a Sunday.
  for (let k = 0; k < 7; k++) add(weekdays, new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2001, 0, 7 + k))), k);
}
const sortedObject = (m: Map<string, number>): Record<string, number> => Object.fromEntries([...m].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
writeFileSync(
  join(out, 'calendar.json'),
  JSON.stringify(
    {
      source: `Intl.DateTimeFormat (ICU ${process.versions.icu}, CLDR ${process.versions.cldr}) in Node ${process.version}`,
      how: 'long month names (standalone and inside a date) and weekday names per language, folded; names that are a stopword in any language left out',
      months: sortedObject(months),
      weekdays: sortedObject(weekdays),
    },
    null,
    1,
  ) + '\n',
);
const claimWords = new Set<string>([...NEGATIONS, ...NUMBER_WORDS.keys(), ...COLOURS, ...months.keys(), ...weekdays.keys()]);
// One set for all languages (a tip's language is not known here), of words up to MAX_FILLER letters:
// function words are short, and the set ships in the dedupe function's bundle.
const MAX_FILLER = 4;
const fillerWords = new Set<string>();
const usedLangs: string[] = [];
for (const lang of LANGS) {
  const list = stop[lang];
  if (!list) continue;
  usedLangs.push(lang);
  for (const w of list) {
    const f = foldCase(w.trim(), scriptOf(lang));
    // Single words only (the tokenizer compares words), none that changes a claim.
    if (!f || /[^\p{L}\p{M}]/u.test(f) || Array.from(f).length > MAX_FILLER || claimWords.has(f)) continue;
    fillerWords.add(f);
  }
}
writeFileSync(
  join(out, 'fillers.json'),
  JSON.stringify(
    {
      source: `stopwords-iso ${stopVersion} (MIT): https://github.com/stopwords-iso/stopwords-iso`,
      how: `the lists of ${usedLangs.join(' ')}, folded like tip text (case, diacritics, homoglyphs), words of up to ${MAX_FILLER} letters; negations, number words, colours and month/weekday names left out`,
      words: [...fillerWords].sort().join(' '),
    },
    null,
    1,
  ) + '\n',
);
// Currencies: every ISO 4217 code Intl knows, its symbols, and its names (singular and plural, as
// NumberFormat writes them) in the same languages. A currency's class is its narrow symbol ("$" for USD,
// CAD and AUD alike: a tip rarely says which dollar), so "12 €", "€12", "EUR 12" and "12 euros" are one price.
const codes = Intl.supportedValuesOf('currency');
const currencyClass = new Map<string, string>();
const symbols = new Map<string, string>();
const currencyNames = new Map<string, Map<string, number>>();
for (const code of codes) {
  const narrow = new Intl.NumberFormat('en', { style: 'currency', currency: code, currencyDisplay: 'narrowSymbol' }).formatToParts(1).find((x) => x.type === 'currency')?.value ?? code;
  currencyClass.set(code, narrow === code ? code : narrow);
}
for (const lang of ['en', ...LANGS.filter((l) => l !== 'en'), 'zh', 'ja', 'th']) {
  for (const code of codes) {
    const cls = currencyClass.get(code)!;
    for (const display of ['symbol', 'narrowSymbol'] as const) {
      const sym = new Intl.NumberFormat(lang, { style: 'currency', currency: code, currencyDisplay: display }).formatToParts(1).find((x) => x.type === 'currency')?.value;
      if (sym && sym !== code && /\p{Sc}/u.test(sym) && !symbols.has(sym)) symbols.set(sym, cls);
    }
    for (const n of [1, 2, 5]) {
      const name = new Intl.NumberFormat(lang, { style: 'currency', currency: code, currencyDisplay: 'name' }).formatToParts(n).find((x) => x.type === 'currency')?.value;
      if (!name) continue;
      // The last word names the unit ("US dollars" → "dollars"); a word of several currencies votes.
      const words = foldCase(name, scriptOf(lang)).split(/[^\p{L}\p{M}]+/u).filter(Boolean);
      const last = words.at(-1);
      if (!last || Array.from(last).length < 3 || anyStopword.has(last)) continue;
      const votes = currencyNames.get(last) ?? new Map<string, number>();
      votes.set(cls, (votes.get(cls) ?? 0) + 1);
      currencyNames.set(last, votes);
    }
  }
}
const names = new Map<string, string>();
for (const [w, votes] of currencyNames) {
  const best = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
  // Only currencies with a symbol of their own (the ones tips name; a code-only currency is written as its code).
  if (/^[A-Z]{3}$/.test(best[0])) continue;
  // Names in Latin, Cyrillic or Greek letters only: other scripts' names cost six bytes a letter in
  // the bundle, and their tips mostly write the symbol or the code.
  if (!/^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]+$/u.test(w)) continue;
  names.set(w, best[0]);
}
writeFileSync(
  join(out, 'currencies.json'),
  JSON.stringify(
    {
      source: `Intl.supportedValuesOf('currency') and Intl.NumberFormat (ICU ${process.versions.icu}, CLDR ${process.versions.cldr}) in Node ${process.version}`,
      how: "class = the currency's narrow symbol in English; symbols and the last word of each name (1, 2 and 5 units) in every language map to it",
      codes: Object.fromEntries([...currencyClass].sort()),
      symbols: Object.fromEntries([...symbols].sort()),
      names: Object.fromEntries([...names].sort()),
    },
    null,
    1,
  ) + '\n',
);
// ---- number-symbols.json: CLDR decimal and group marks ----
const cldrVersion = (require('cldr-numbers-full/package.json') as { version: string }).version;
const cldrMain = join(dirname(require.resolve('cldr-numbers-full/package.json')), 'main');
const decimals = new Map<string, number>();
const groups = new Map<string, number>();
for (const loc of readdirSync(cldrMain).sort()) {
  const numbers = (JSON.parse(readFileSync(join(cldrMain, loc, 'numbers.json'), 'utf8')) as { main: Record<string, { numbers: Record<string, unknown> }> }).main[loc]!.numbers;
  for (const [key, value] of Object.entries(numbers)) {
    if (!key.startsWith('symbols-numberSystem-')) continue;
    const { decimal, group } = value as { decimal: string; group: string };
    decimals.set(decimal, (decimals.get(decimal) ?? 0) + 1);
    groups.set(group, (groups.get(group) ?? 0) + 1);
  }
}
const sortedKeys = (m: Map<string, number>): string[] => [...m.keys()].sort();
writeFileSync(
  join(out, 'number-symbols.json'),
  JSON.stringify(
    {
      source: `cldr-numbers-full ${cldrVersion} (Unicode CLDR, Unicode License v3): main/*/numbers.json, symbols-numberSystem-*`,
      how: 'decimal = every decimal mark of a locale and numbering system; group = every group (thousands) mark',
      decimal: sortedKeys(decimals),
      group: sortedKeys(groups),
    },
    null,
    1,
  ) + '\n',
);
// ---- magnitudes.json: CLDR compact number words ("640 rb", "720 هزار", "3 тыс.", "4만8천") ----
// Each locale's short and long compact decimal formats ("0K", "00 rb", "0 тысячи", "0만") give a word
// and the power of ten it multiplies by: the type (1000, 10000…) over the pattern's digits. Each locale
// votes once per word and power. A word whose powers split the locales ("B": a thousand in Turkish, a
// billion in English; "mil": a thousand in Spanish, a million in Bosnian) is left out, so no reading
// depends on guessing the tip's language; one that all but a locale or two agree on stays ("k").
const MAGNITUDE_AGREEMENT = 0.95;
// A word that is also a unit in some locale ("m" metres, "km", "mile", "min"; Intl's sanctioned units,
// short, long and narrow, in every CLDR locale) is left out: "5 m" is five metres before it is five million.
const unitWords = new Set<string>();
for (const loc of readdirSync(cldrMain)) {
  if (Intl.NumberFormat.supportedLocalesOf([loc]).length === 0) continue;
  for (const unit of Intl.supportedValuesOf('unit')) {
    for (const unitDisplay of ['short', 'long', 'narrow'] as const) {
      for (const n of [1, 2, 5]) {
        for (const part of new Intl.NumberFormat(loc, { style: 'unit', unit, unitDisplay }).formatToParts(n)) {
          if (part.type !== 'unit') continue;
          const raw = part.value.trim().replace(/\.$/, '');
          for (const sc of ['latin', 'cyrillic', 'greek'] as const) unitWords.add(foldCase(raw, sc));
        }
      }
    }
  }
}
const magnitudeVotes = new Map<string, Map<number, Set<string>>>();
for (const loc of readdirSync(cldrMain).sort()) {
  const numbers = (JSON.parse(readFileSync(join(cldrMain, loc, 'numbers.json'), 'utf8')) as { main: Record<string, { numbers: Record<string, unknown> }> }).main[loc]!.numbers;
  for (const [key, value] of Object.entries(numbers)) {
    if (!key.startsWith('decimalFormats-numberSystem-')) continue;
    for (const width of ['short', 'long'] as const) {
      const formats = (value as Record<string, { decimalFormat?: Record<string, string> } | undefined>)[width]?.decimalFormat ?? {};
      for (const [type, pattern] of Object.entries(formats)) {
        const t = /^1(0*)-count-/.exec(type);
        // The positive pattern only ("elfu 0;elfu -0"), and only a word after the digits: a word before
        // them ("elfu 0") is rare in tips and would need its own reader.
        const positive = pattern.split(';')[0]!;
        const m = /^(0+)\s?([^0]+)$/u.exec(positive.replace(/'([^']*)'/g, '$1'));
        if (!t || !m) continue;
        const power = t[1]!.length - (m[1]!.length - 1);
        const raw = m[2]!.trim().replace(/\.$/, '');
        if (power < 3 || !raw || /\p{N}/u.test(raw)) continue;
        // Voted on as a tip in any script folds it, so two words folding alike ("т", "t") share one vote.
        for (const word of new Set((['latin', 'cyrillic', 'greek'] as const).map((sc) => foldCase(raw, sc)))) {
          const votes = magnitudeVotes.get(word) ?? new Map<number, Set<string>>();
          votes.set(power, (votes.get(power) ?? new Set<string>()).add(loc));
          magnitudeVotes.set(word, votes);
        }
      }
    }
  }
}
const magnitudes = [...magnitudeVotes]
  .map(([w, votes]) => {
    const ranked = [...votes].map(([power, locs]) => [power, locs.size] as const).sort((a, b) => b[1] - a[1]);
    const total = ranked.reduce((n, [, k]) => n + k, 0);
    return [w, ranked[0]![1] >= MAGNITUDE_AGREEMENT * total && !unitWords.has(w) ? ranked[0]![0] : 0] as const;
  })
  .filter(([, power]) => power > 0)
  .sort((a, b) => (a[0] < b[0] ? -1 : 1));
writeFileSync(
  join(out, 'magnitudes.json'),
  JSON.stringify(
    {
      source: `cldr-numbers-full ${cldrVersion} (Unicode CLDR, Unicode License v3): main/*/numbers.json, decimalFormats-numberSystem-*, short and long`,
      how: `word (final dot dropped, folded as a tip in Latin, Cyrillic or Greek script folds it) -> power of ten; kept when ${MAGNITUDE_AGREEMENT * 100}% of the locales that use it agree on its power, and never a unit word of Intl (any locale)`,
      words: Object.fromEntries(magnitudes),
    },
    null,
    1,
  ) + '\n',
);
// ---- calling-codes.json: a phone written nationally and internationally ----
// libphonenumber's metadata (Google, Apache-2.0, via libphonenumber-js): each country calling code and
// the national (trunk) prefixes its countries dial before a national number ("0" in the UK, "8" in
// Russia, none in Spain), so "01632 960 275" and "+44 1632 960275" read as one number.
const phoneVersion = (require('libphonenumber-js/package.json') as { version: string }).version;
const phoneMeta = require('libphonenumber-js/metadata.min.json') as { countries: Record<string, unknown[]> };
const trunk = new Map<string, Set<string>>();
for (const meta of Object.values(phoneMeta.countries)) {
  const code = meta[0] as string;
  const prefix = typeof meta[5] === 'string' ? (meta[5] as string) : '';
  const set = trunk.get(code) ?? new Set<string>();
  if (/^\d{1,2}$/.test(prefix)) set.add(prefix);
  trunk.set(code, set);
}
writeFileSync(
  join(out, 'calling-codes.json'),
  JSON.stringify(
    {
      source: `libphonenumber-js ${phoneVersion} metadata.min.json (libphonenumber, Google, Apache-2.0): countries[*][0] calling code, [5] national prefix`,
      how: 'calling code -> national (trunk) prefixes of its countries',
      codes: Object.fromEntries([...trunk].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([c, p]) => [c, [...p].sort()])),
    },
    null,
    1,
  ) + '\n',
);
console.log(`magnitudes.json: ${magnitudes.length} words (${[...magnitudeVotes].length - magnitudes.length} ambiguous left out)`);
console.log(`calling-codes.json: ${trunk.size} calling codes`);
console.log(`number-symbols.json: ${decimals.size} decimal marks, ${groups.size} group marks`);
console.log(`currencies.json: ${currencyClass.size} codes, ${symbols.size} symbols, ${names.size} names`);
console.log(`tracking-params.json: ${globalNames.length} global, ${prefixes.length} prefixes, ${common.length} common, ${sites.length} sites`);
console.log(`calendar.json: ${months.size} month names, ${weekdays.size} weekday names`);
console.log(`fillers.json: ${usedLangs.length} languages, ${fillerWords.size} words`);
