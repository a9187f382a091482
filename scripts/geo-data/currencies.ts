/**
 * Currencies from CLDR (Unicode licence): every locale's symbols and display names
 * (cldr-numbers-full main/<locale>/currencies.json), mapped to the countries where the currency
 * is legal tender today (cldr-core supplemental currencyData: no `_to`, not `_tender: false`), or was
 * since 2000 at half weight (a cold case's price tag in kuna or Deutsche Mark).
 * A country's share of a symbol is the square root of its GDP (CLDR territoryInfo) times the square root of
 * the number of locales writing that currency with the symbol, each locale counted by how it uses
 * it: the standard symbol in a locale of a country using the currency 1 ("zł" in pl, "$" for CAD in
 * en-CA), the standard symbol elsewhere 0.5, a narrow or variant form 0.05 (the Egyptian and Syrian
 * pounds' narrow "£"). So "£" is British, "$" leans to the US and "€" splits and never decides
 * alone; "¥" leans to China.
 * Words: each word of each display name (weighted by the number of locales using it for that currency) in every plural form ("złotych", "гривень", "forint"),
 * folded as the runtime folds; left out are words of fewer than 3 letters, stopwords of any
 * stopwords-iso language ("won", "top"), and country names or country adjectives
 * ("polskich", "American"), which the gazetteer and the demonym table already read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fold } from '../../shared/text/fold.ts';
import { DEMONYMS } from '../../shared/geo/data/demonyms.ts';
import { encodePrior, packLines, readJson, require, root, territoryFigures } from './common.ts';

/** Oldest end date of a former currency still read (objects in cold cases are often decades old). */
const FORMER_SINCE = '2000-01-01';
/** Locales that must name a currency with a word before the word counts without an amount. */
const PREP_LOCALES = 3;
/** A former currency's share relative to a current one. */
const FORMER_WEIGHT = 0.5;

interface CurrencyNames { displayName?: string; symbol?: string; 'symbol-alt-narrow'?: string; 'symbol-alt-variant'?: string; [k: string]: string | undefined }

export function buildCurrencies(): string {
  // A country's weight for its currency: the square root of its GDP (CLDR territoryInfo), a proxy for
  // how many prices are written in it. Population made "pounds" Egyptian and "$" a third Latin
  // American; plain GDP made "$" 75% American, so a Canadian passage's dollars outvoted Ottawa. The
  // square root was chosen among these three by eval:geo (TR-News 280 vs 279 and 274 of 309).
  const gdp = territoryFigures('_gdp');
  const pop = new Map([...gdp].map(([cc, v]) => [cc, Math.sqrt(v)]));
  const data = readJson<{ supplemental: { currencyData: { region: Record<string, Array<Record<string, { _from?: string; _to?: string; _tender?: string }>>> } } }>('cldr-core/supplemental/currencyData.json');
  const likely = readJson<{ supplemental: { likelySubtags: Record<string, string> } }>('cldr-core/supplemental/likelySubtags.json').supplemental.likelySubtags;
  /** currency → countries where it is tender today */
  const tender = new Map<string, string[]>();
  /** Currencies replaced since FORMER_SINCE (the kuna, the Deutsche Mark): a cold case's price tag may be older than today's tender. */
  const former = new Set<string>();
  for (const [region, list] of Object.entries(data.supplemental.currencyData.region).sort()) {
    if (!/^[A-Z]{2}$/.test(region) || region === 'EU' || region === 'UN' || region === 'ZZ') continue;
    for (const entry of list) {
      for (const [cur, v] of Object.entries(entry)) {
        if (v._tender === 'false' || (v._to !== undefined && v._to < FORMER_SINCE)) continue;
        if (!tender.has(cur)) tender.set(cur, []);
        tender.get(cur)!.push(region);
      }
    }
  }
  for (const [cur, regions] of tender) {
    const current = regions.some((r) => data.supplemental.currencyData.region[r]!.some((e) => e[cur] !== undefined && e[cur]!._to === undefined));
    if (!current) former.add(cur);
  }
  const stop = new Set<string>();
  const sw = require('stopwords-iso') as Record<string, string[]>;
  for (const lang of Object.keys(sw).sort()) for (const w of sw[lang]!) stop.add(fold(w));
  const stems = Object.values(DEMONYMS).flatMap((s) => s.split(/\s+/)).map((s) => fold(s.replace(/^\^/, '').replace(/_/g, ' '))).filter((s) => s.length >= 4);
  const countryNames = new Set<string>();
  const countriesLib = require('i18n-iso-countries') as { registerLocale(l: unknown): void; getNames(l: string, o: { select: 'all' }): Record<string, string[]> };
  const langDir = join(root, 'node_modules/i18n-iso-countries/langs');
  for (const f of readdirSync(langDir).filter((x) => x.endsWith('.json')).sort()) {
    const l = readJson<{ locale: string }>(`i18n-iso-countries/langs/${f}`);
    countriesLib.registerLocale(l);
    for (const names of Object.values(countriesLib.getNames(l.locale, { select: 'all' }))) for (const n of names) countryNames.add(fold(n));
  }
  // English common nouns and verbs (Hunspell en_US, dictionary-en) are not read without an amount: "to mark".
  const english = new Set<string>();
  for (const line of readFileSync(join(root, 'node_modules/dictionary-en/index.dic'), 'utf8').split('\n').slice(1)) {
    const w = line.split('/')[0]!.trim();
    if (w && /^\p{Ll}/u.test(w)) english.add(fold(w));
  }
  const isCountryWord = (w: string) => countryNames.has(w) || stems.some((s) => w.startsWith(s));

  // The scripts each country writes (CLDR territoryInfo languages, their script from likelySubtags):
  // a lettered symbol in another script is only read when a locale of a country using the currency
  // writes it as its standard symbol ("Br" in be). CLDR's narrow "p." for the Belarusian ruble in a
  // few locales is a Latin look-alike of the Cyrillic "р.": read, it made "cost me 10p." Belarusian.
  const info = readJson<{ supplemental: { territoryInfo: Record<string, { languagePopulation?: Record<string, unknown> }> } }>('cldr-core/supplemental/territoryInfo.json').supplemental.territoryInfo;
  const countryScripts = new Map<string, Set<string>>();
  for (const [t, v] of Object.entries(info)) {
    const set = new Set<string>();
    for (const lang of Object.keys(v.languagePopulation ?? {})) {
      const tag = /_[A-Z][a-z]{3}$/.test(lang) ? lang : likely[lang] ?? likely[lang.split('_')[0]!] ?? '';
      const sc = /[-_]([A-Z][a-z]{3})(?:[-_]|$)/.exec(tag)?.[1];
      if (sc) set.add(sc);
    }
    countryScripts.set(t, set);
  }
  /** The one script of a symbol's letters among those that share look-alike letters, or null. */
  const letterScript = (sym: string): string | null => {
    const letters = sym.match(/\p{L}/gu) ?? [];
    for (const sc of ['Latn', 'Cyrl', 'Grek']) if (letters.length > 0 && letters.every((ch) => new RegExp(`\\p{Script=${sc}}`, 'u').test(ch))) return sc;
    return null;
  };
  const dropped = new Set<string>();
  /** symbol → currency → Σ over locales of the use weight */
  const symbolUse = new Map<string, Map<string, number>>();
  /** word → currency → number of locales naming that currency with the word */
  const words = new Map<string, Map<string, number>>();
  const addSymbol = (raw: string, cur: string, use: number, local: string | null) => {
    const ccs = tender.get(cur);
    const sym = raw.normalize('NFKC'); // the fullwidth "￥" of Japanese locales is "¥"
    if (!ccs || !sym || sym.length > 6 || /\d/.test(sym)) return;
    const home = use === 1 && (local === '*' || (local !== null && ccs.includes(local)));
    const sc = letterScript(sym);
    if (!home && sym !== cur && !/\p{Sc}/u.test(sym) && sc && !ccs.some((cc) => countryScripts.get(cc)?.has(sc))) {
      dropped.add(`${sym} ${cur}`);
      return;
    }
    const u = use === 1 && local !== '*' && (local === null || !ccs.includes(local)) ? 0.5 : use;
    let m = symbolUse.get(sym);
    if (!m) symbolUse.set(sym, (m = new Map()));
    m.set(cur, (m.get(cur) ?? 0) + u);
  };
  const afterOnly = new Set<string>();
  const mainDir = join(root, 'node_modules/cldr-numbers-full/main');
  for (const locale of readdirSync(mainDir).sort()) {
    const file = readJson<{ main: Record<string, { numbers: { currencies: Record<string, CurrencyNames> } }> }>(`cldr-numbers-full/main/${locale}/currencies.json`);
    const curs = Object.values(file.main)[0]!.numbers.currencies;
    const full = likely[locale.split('-')[0]!] ?? '';
    const region = /-([A-Z]{2})$/.exec(locale)?.[1] ?? /-([A-Z]{2})$/.exec(full)?.[1] ?? null;
    for (const cur of Object.keys(curs).sort()) {
      if (!tender.has(cur)) continue;
      const n = curs[cur]!;
      if (n.symbol) addSymbol(n.symbol, cur, 1, region);
      if (n['symbol-alt-narrow']) addSymbol(n['symbol-alt-narrow'], cur, 0.05, region);
      if (n['symbol-alt-variant']) addSymbol(n['symbol-alt-variant'], cur, 0.05, region);
      if (n['symbol-alt-formal']) addSymbol(n['symbol-alt-formal'], cur, 1, region);
      const seen = new Set<string>();
      for (const [k, v] of Object.entries(n)) {
        if (!k.startsWith('displayName') || !v) continue;
        // Scripts written without spaces (and Hangul's one-syllable nouns): the name's last word
        // right after the amount is the currency ("500円", "20人民币", "5000원").
        const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
        const last = v.split(' ').at(-1) ?? '';
        if (cjk.test(last) && [...last].length <= 4) {
          addSymbol(last, cur, 1, region);
          afterOnly.add(last);
        }
        for (const raw of v.split(/[^\p{L}\p{M}]+/u)) {
          const w = fold(raw);
          if (seen.has(w) || [...w].length < 3 || stop.has(w) || isCountryWord(w)) continue;
          if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(w)) continue; // no spaces to find them by
          seen.add(w);
          if (!words.has(w)) words.set(w, new Map());
          words.get(w)!.set(cur, (words.get(w)!.get(cur) ?? 0) + 1);
        }
      }
    }
  }
  // ISO 4217 codes themselves ("PLN", "CHF").
  for (const cur of [...tender.keys()].sort()) addSymbol(cur, cur, 1, '*');

  // Where a symbol may stand: 'a' after the amount only (a lower-case word such as "kr", "lei",
  // or an ISO code that is also a stopword: "TOP 10", "ALL 3"); 't' directly before the amount,
  // without a space, only (one Latin letter: "R50", "Q25"; "5 L", "10 K" are units); else both sides.
  const symbolLines: string[] = [];
  for (const [sym, byCurrency] of symbolUse) {
    const m = new Map<string, number>();
    for (const [cur, use] of [...byCurrency].sort()) {
      const f = Math.sqrt(use) * (former.has(cur) ? FORMER_WEIGHT : 1);
      for (const cc of tender.get(cur)!) m.set(cc, (m.get(cc) ?? 0) + f * (pop.get(cc) ?? 0));
    }
    const p = encodePrior(m);
    const flag = afterOnly.has(sym) || /^[a-z]/.test(sym) || /^\p{Ll}/u.test(sym) || (/^[A-Z]{3}$/.test(sym) && stop.has(sym.toLowerCase())) ? 'a' : /^[A-Za-z]$/.test(sym) ? 't' : '';
    if (p) symbolLines.push(`${sym}\t${p}\t${flag}`);
  }
  const wordLines: string[] = [];
  for (const [w, curs] of words) {
    // A word several currencies share ("dollar", "peso") splits by GDP like a symbol, and by
    // how many locales use it for each: "lira" is the Turkish lira in dozens of locales, an
    // Egyptian or British pound only in Italian.
    const m = new Map<string, number>();
    for (const [cur, locales] of [...curs].sort()) for (const cc of tender.get(cur)!) m.set(cc, (m.get(cc) ?? 0) + Math.sqrt(locales) * (pop.get(cc) ?? 0) * (former.has(cur) ? FORMER_WEIGHT : 1));
    const p = encodePrior(m);
    // 'p': named so in ≥ PREP_LOCALES locales and not an English word, so trusted without an amount
    // after a preposition ("in cedis", not "to mark"); a word only one locale uses for a currency is
    // too often an ordinary word elsewhere.
    const flag = Math.max(...curs.values()) >= PREP_LOCALES && !english.has(w) && !english.has(w.replace(/s$/, '')) ? '\tp' : '';
    if (p) wordLines.push(`${w}\t${p}${flag}`);
  }
  if (process.env.GEO_DEBUG) console.error('dropped symbols:', [...dropped].sort().join(' | '));
  const out = {
    version: 1,
    source: 'CLDR 48 (cldr-numbers-full currencies, cldr-core currencyData + territoryInfo), Unicode License v3; stopwords-iso (MIT); dictionary-en (MIT AND BSD); see scripts/geo-data/currencies.ts',
    format: "symbols / words: base64(raw deflate(lines 'key\\tCC:percent,CC:percent[\\tflag]' sorted, joined by '\\n')); flag a = after the amount only, t = directly before it only",
    symbols: packLines(symbolLines),
    words: packLines(wordLines),
    counts: { symbols: symbolLines.length, words: wordLines.length },
  };
  return JSON.stringify(out) + '\n';
}
