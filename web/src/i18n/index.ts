import { da } from './da.ts';
import { de } from './de.ts';
import { en, type MessageKey, type Messages, type PluralMessage } from './en.ts';
import { es } from './es.ts';
import { fi } from './fi.ts';
import { fr } from './fr.ts';
import { it } from './it.ts';
import { nl } from './nl.ts';
import { pl } from './pl.ts';
import { pt } from './pt.ts';
import { sv } from './sv.ts';

import { bg } from './bg.ts';
import { cs } from './cs.ts';
import { hu } from './hu.ts';
import { ro } from './ro.ts';
import { sk } from './sk.ts';
import { el } from './el.ts';
import { et } from './et.ts';
import { lv } from './lv.ts';
import { lt } from './lt.ts';
import { hr } from './hr.ts';
import { sl } from './sl.ts';
import { ga } from './ga.ts';
import { mt } from './mt.ts';
import { ru } from './ru.ts';
import { uk } from './uk.ts';
import { tr } from './tr.ts';
import { ar } from './ar.ts';
import { fa } from './fa.ts';
import { he } from './he.ts';
import { hi } from './hi.ts';
import { sq } from './sq.ts';
import { sr } from './sr.ts';
import { bs } from './bs.ts';
import { mk } from './mk.ts';
import { zh } from './zh.ts';
import { ja } from './ja.ts';
import { ko } from './ko.ts';
import { ENDONYMS } from './endonyms.ts';
export type { MessageKey, Messages, PluralMessage };

/**
 * The interface languages. Only complete catalogues are listed here: the
 * catalogue test fails on a missing key, so a half-done file cannot ship.
 */
export const catalogues = { en, fr, de, nl, es, pl, it, pt, sv, da, fi, cs, sk, hu, ro, bg, el, et, lv, lt, hr, sl, ga, mt, ru, uk, tr, sq, sr, bs, mk, zh, ja, ko,
  ar, fa, he, hi,
} as const satisfies Record<string, Messages>;
export type Locale = keyof typeof catalogues;
export const locales = Object.keys(catalogues) as Locale[];

/** Languages written right to left (the layout mirrors for them). */
const RTL: ReadonlySet<string> = new Set(['ar', 'fa', 'he']);

export function directionOf(locale: string): 'rtl' | 'ltr' {
  return RTL.has(locale.toLowerCase().split('-')[0]!) ? 'rtl' : 'ltr';
}

/**
 * Each language's own name (endonym), for the language switch and the tip-language list. From CLDR at
 * build time (endonyms.ts, scripts/build-endonyms.ts), not Intl.DisplayNames: a browser without a
 * locale's data answers in English (Chromium names Maltese "Maltese").
 */
export function endonym(code: string): string {
  return ENDONYMS[code] ?? code;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(catalogues, value);
}

/**
 * The language asked for in the URL (`?lang=xx`) if we have it, else the first
 * of the browser's preferred languages we have, by primary subtag ("nl-BE" → nl);
 * English otherwise. The URL, not a cookie or storage, keeps the choice: the
 * site promises no cookies, and a shared link opens in the same language.
 */
export function pickLocale(preferred: readonly string[], fromUrl?: string | null): Locale {
  const asked = fromUrl?.toLowerCase();
  if (isLocale(asked)) return asked;
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return 'en';
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** The plural category of `count` in this language (CLDR rules via Intl.PluralRules). */
export function pluralCategory(locale: string, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (rules === undefined) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}

/** The text of a message: a plural message picks its form by `values.count`. */
function template(locale: Locale, key: MessageKey, values: Record<string, string | number>): string {
  const message: string | PluralMessage = catalogues[locale][key] ?? en[key];
  if (typeof message === 'string') return message;
  const count = Number(values.count ?? 0);
  return message[pluralCategory(locale, count)] ?? message.other;
}

/** A message with `{name}` placeholders filled in; numbers in the language's digits and grouping. */
export function format(locale: Locale, key: MessageKey, values: Record<string, string | number> = {}): string {
  const numbers = new Intl.NumberFormat(locale, { useGrouping: false });
  return template(locale, key, values).replace(/\{(\w+)\}/g, (match, name: string) => {
    if (!Object.hasOwn(values, name)) return match;
    const value = values[name]!;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}

/** The placeholders a message uses (every form of a plural message together), for the catalogue test. */
export function placeholders(message: string | PluralMessage): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  const names = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(/\{(\w+)\}/g)) names.add(match[1]!);
  return [...names].sort();
}
