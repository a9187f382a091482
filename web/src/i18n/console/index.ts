import { fill, pickFrom, type PluralMessage } from '../core.ts';
import { de } from './de.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { nl } from './nl.ts';
import { pt } from './pt.ts';
import { en, type ConsoleMessageKey, type ConsoleMessages } from './en.ts';

export type { ConsoleMessageKey, ConsoleMessages };

/**
 * The console's interface languages. Only complete catalogues are listed here: the catalogue
 * test (test/unit/web/i18n.test.ts) fails on a missing, extra or mismatched key.
 */
export const consoleCatalogues = { en, de, es, fr, nl, pt } as const satisfies Record<string, ConsoleMessages>;
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
