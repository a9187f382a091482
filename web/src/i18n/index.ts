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
import { fill, pickFrom } from './core.ts';
import { formLocales } from './languages.ts';
export type { MessageKey, Messages, PluralMessage };

/**
 * The interface languages. Only complete catalogues are listed here: the
 * catalogue test fails on a missing key, so a half-done file cannot ship.
 */
export const catalogues = { en, fr, de, nl, es, pl, it, pt, sv, da, fi, cs, sk, hu, ro, bg, el, et, lv, lt, hr, sl, ga, mt, ru, uk, tr, sq, sr, bs, mk, zh, ja, ko,
  ar, fa, he, hi,
} as const satisfies Record<string, Messages>;
export type Locale = keyof typeof catalogues;
/** Every code in languages.ts has a catalogue here (the catalogue test checks the converse). */
export const listedLanguages: Readonly<Record<(typeof formLocales)[number], Messages>> = catalogues;
export const locales = Object.keys(catalogues) as Locale[];

export { directionOf, endonym, placeholders, pluralCategory } from './core.ts';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(catalogues, value);
}

/** The language asked for in the URL (`?lang=xx`), else the browser's first we have, else English (see core.ts pickFrom). */
export function pickLocale(preferred: readonly string[], fromUrl?: string | null): Locale {
  return pickFrom(locales, preferred, fromUrl);
}

/** A message with `{name}` placeholders filled in; numbers in the language's digits and grouping. */
export function format(locale: Locale, key: MessageKey, values: Record<string, string | number> = {}): string {
  return fill(locale, catalogues[locale][key] ?? en[key], values);
}
