/**
 * The message mechanism both interfaces share (the public form's catalogues in this folder, the
 * console's in console/): the catalogue type, plural choice, `{placeholder}` filling, text direction,
 * language names and the choice of language. It imports no catalogue, so each bundle carries only its own.
 */
import { ENDONYMS } from './endonyms.ts';

/**
 * A message that depends on a number: one text per plural category of the
 * language (Intl.PluralRules), `other` always present.
 */
export type PluralMessage = Readonly<Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>;

/** A catalogue shaped like its English reference: a plain text where English has one, a plural message where English has one. */
export type CatalogueOf<E extends Record<string, string | PluralMessage>> = { readonly [K in keyof E]: E[K] extends string ? string : PluralMessage };

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

/**
 * The language asked for in the URL (`?lang=xx`) if it is one of `available`, else the first
 * of the browser's preferred languages there, by primary subtag ("nl-BE" → nl); English otherwise.
 * The URL, not a cookie or storage, keeps the choice: the site promises no cookies, and a shared
 * link opens in the same language.
 */
export function pickFrom<L extends string>(available: readonly L[], preferred: readonly string[], fromUrl?: string | null): L | 'en' {
  const has = (code: string | undefined): code is L => code !== undefined && (available as readonly string[]).includes(code);
  const asked = fromUrl?.toLowerCase();
  if (has(asked)) return asked;
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (has(primary)) return primary;
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
export function template(locale: string, message: string | PluralMessage, values: Readonly<Record<string, unknown>>): string {
  if (typeof message === 'string') return message;
  const count = Number(values.count ?? 0);
  return message[pluralCategory(locale, count)] ?? message.other;
}

/** A message with `{name}` placeholders filled in; numbers in the language's digits and grouping. */
export function fill(locale: string, message: string | PluralMessage, values: Readonly<Record<string, string | number>> = {}): string {
  const numbers = new Intl.NumberFormat(locale, { useGrouping: false });
  return template(locale, message, values).replace(/\{(\w+)\}/g, (match, name: string) => {
    if (!Object.hasOwn(values, name)) return match;
    const value = values[name]!;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}

/** The placeholders a message uses (every form of a plural message together), for the catalogue tests. */
export function placeholders(message: string | PluralMessage): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  const names = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(/\{(\w+)\}/g)) names.add(match[1]!);
  return [...names].sort();
}
