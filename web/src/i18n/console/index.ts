import { fill, pickFrom, type PluralMessage } from '../core.ts';
import { de } from './de.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { nl } from './nl.ts';
import { pt } from './pt.ts';
import { fi } from './fi.ts';
import { da } from './da.ts';
import { it } from './it.ts';
import { pl } from './pl.ts';
import { en, type ConsoleMessageKey, type ConsoleMessages } from './en.ts';
import { hr } from './hr.ts';
import { hi } from './hi.ts';
import { fa } from './fa.ts';
import { he } from './he.ts';
import { ko } from './ko.ts';
import { ja } from './ja.ts';
import { zh } from './zh.ts';
import { tr } from './tr.ts';
import { uk } from './uk.ts';
import { ru } from './ru.ts';
import { ar } from './ar.ts';
import { lt } from './lt.ts';
import { lv } from './lv.ts';
import { et } from './et.ts';
import { el } from './el.ts';
import { bg } from './bg.ts';
import { ro } from './ro.ts';
import { hu } from './hu.ts';
import { sk } from './sk.ts';
import { cs } from './cs.ts';
import { sv } from './sv.ts';
import { mt } from './mt.ts';
import { ga } from './ga.ts';
import { sq } from './sq.ts';
import { mk } from './mk.ts';
import { bs } from './bs.ts';
import { sr } from './sr.ts';
import { sl } from './sl.ts';

export type { ConsoleMessageKey, ConsoleMessages };

/**
 * The console's interface languages. Only complete catalogues are listed here: the catalogue
 * test (test/unit/web/i18n.test.ts) fails on a missing, extra or mismatched key.
 */
export const consoleCatalogues = {
  en,
  // One line per language (translators' branches merge without conflicts).
  de,
  fr,
  ar,
  ru,
  uk,
  tr,
  zh,
  ja,
  ko,
  he,
  fa,
  hi,
  hr,
  lt,
  lv,
  et,
  el,
  bg,
  ro,
  hu,
  sk,
  cs,
  sv,
  pl,
  it,
  da,
  fi,
  mt,
  ga,
  sq,
  mk,
  bs,
  sr,
  sl,
  es,
  nl,
  pt,
} as const satisfies Record<string, ConsoleMessages>;
export type ConsoleLocale = keyof typeof consoleCatalogues;
export const consoleLocales = Object.keys(consoleCatalogues) as ConsoleLocale[];

export function isConsoleLocale(value: unknown): value is ConsoleLocale {
  return typeof value === 'string' && Object.hasOwn(consoleCatalogues, value);
}

/** As the public form chooses: `?lang=xx`, else the browser's preferred languages, else English. */
export function pickConsoleLocale(preferred: readonly string[], fromUrl?: string | null): ConsoleLocale {
  return pickFrom(consoleLocales, preferred, fromUrl);
}

/** A console message with `{name}` placeholders filled in; numbers in the language's digits. */
export function formatConsole(locale: ConsoleLocale, key: ConsoleMessageKey, values: Record<string, string | number> = {}): string {
  const message: string | PluralMessage = consoleCatalogues[locale][key] ?? en[key];
  return fill(locale, message, values);
}
