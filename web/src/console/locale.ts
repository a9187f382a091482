import { directionOf, endonym } from '../i18n/core.ts';
import { consoleLocales, formatConsole, isConsoleLocale, pickConsoleLocale, type ConsoleLocale, type ConsoleMessageKey } from '../i18n/console/index.ts';
import { byId, h } from '../lib/dom.ts';

/**
 * The console's interface language: chosen and kept as on the public form (`?lang=xx` in the
 * address, else the browser's languages, else English), switched with the same control. Every
 * view renders its words through `t`, and its dates and numbers through Intl in this language.
 */
export let locale: ConsoleLocale = pickConsoleLocale(navigator.languages ?? [navigator.language], new URLSearchParams(location.search).get('lang'));

/**
 * The tag for Intl (dates, numbers, country names): the browser's own tag when it is a variant of
 * the interface language (en-GB writes "3 December 2026", pt-BR its own), else the interface language.
 */
export function intlLocale(): string {
  const preferred = navigator.languages ?? [navigator.language];
  return preferred.find((tag) => tag.toLowerCase().split('-')[0] === locale) ?? locale;
}

export const t = (key: ConsoleMessageKey, values?: Record<string, string | number>): string => formatConsole(locale, key, values);

/** A message whose `{name}` placeholders are filled with nodes (a name in bold, a code), the others from `values`: text around them stays text. */
export function tNodes(key: ConsoleMessageKey, nodes: Record<string, Node | string>, values?: Record<string, string | number>): (Node | string)[] {
  const text = t(key, values);
  const parts: (Node | string)[] = [];
  let last = 0;
  for (const match of text.matchAll(/\{(\w+)\}/g)) {
    const node = nodes[match[1]!];
    if (node === undefined) continue;
    parts.push(text.slice(last, match.index));
    parts.push(node);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts.filter((part) => part !== '');
}

/** Keeps the interface language in the address (`?lang=xx`), the hash (a tip's deep link) untouched. */
function keepLocaleInUrl(): void {
  const url = new URL(location.href);
  if (url.searchParams.get('lang') === locale) return;
  url.searchParams.set('lang', locale);
  history.replaceState(history.state, '', url);
}

/** The page around the views: lang and dir, title, skip link, brand, and the language switch (each language by its own name). */
export function renderChrome(onChange: () => void): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
  document.title = t('pageTitle');
  byId('skip-link').textContent = t('skipToContent');
  byId('brand').textContent = t('brand');
  byId('ui-lang-label').textContent = t('languageLabel');
  const select = byId<HTMLSelectElement>('ui-lang');
  if (select.options.length === 0) {
    for (const code of consoleLocales) select.append(h('option', { value: code, lang: code, dir: directionOf(code) }, endonym(code)));
    select.addEventListener('change', () => {
      if (!isConsoleLocale(select.value)) return;
      locale = select.value;
      keepLocaleInUrl();
      renderChrome(onChange);
      onChange();
    });
  }
  select.value = locale;
}

/** A queue's name as shown: a country code as it is, the queue of unrouted tips in the interface language. */
export function queueName(code: string): string {
  return code === 'unrouted' ? t('unrouted') : code;
}

/** A date and time in the interface language, long form, with the time zone: "3 December 2026 at 10:15:00 CET". */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(intlLocale(), { dateStyle: 'long', timeStyle: 'long' });
}

/** A number in the interface language's digits (a confidence, a count in a table cell). */
export function formatNumber(value: number, digits?: number): string {
  return new Intl.NumberFormat(intlLocale(), digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

const regionNames = new Map<string, Intl.DisplayNames | null>();

/** A country's name in the interface language where the browser has it, else the offline (English) name it ships with. */
export function countryName(code: string, fallback: string): string {
  const tag = intlLocale();
  if (!regionNames.has(tag)) {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([tag], { type: 'region', fallback: 'none' });
    } catch {
      names = null;
    }
    regionNames.set(tag, names);
  }
  return regionNames.get(tag)?.of(code) ?? fallback;
}
