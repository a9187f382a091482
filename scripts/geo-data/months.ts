/**
 * Month names per language for reading datelines ("Danzig, 14. März.", "Paris, 3 juin."): the
 * CLDR month names that ICU ships with Node (Intl.DateTimeFormat, full ICU; Unicode License v3),
 * wide and abbreviated, in the format form (as written after a day: Russian "марта", Polish
 * "marca") and the stand-alone form, for every stopwords-iso language ICU knows. Folded as the
 * runtime folds, trailing dots dropped; one line per language.
 */
import { fold } from '../../shared/text/fold.ts';
import { require, wordTableJson } from './common.ts';

export function buildMonths(): string {
  const sw = require('stopwords-iso') as Record<string, string[]>;
  const lines: string[] = [];
  let words = 0;
  for (const lang of Object.keys(sw).sort()) {
    if (Intl.DateTimeFormat.supportedLocalesOf([lang]).length === 0) continue;
    const names = new Set<string>();
    for (let month = 0; month < 12; month++) {
      // Mid-month, at noon UTC: no time zone moves the date into another month.
      const date = new Date(Date.UTC(2001, month, 15, 12));
      for (const width of ['long', 'short'] as const) {
        const alone = new Intl.DateTimeFormat(lang, { month: width, timeZone: 'UTC' }).format(date);
        const parts = new Intl.DateTimeFormat(lang, { day: 'numeric', month: width, timeZone: 'UTC' }).formatToParts(date);
        for (const n of [alone, ...parts.filter((p) => p.type === 'month').map((p) => p.value)]) {
          const f = fold(n).replace(/\.$/, '').trim();
          // Numeric months (where a locale writes "15/3") are no month names.
          if (f.length >= 2 && !/[\d\s]/.test(f)) names.add(f);
        }
      }
    }
    if (names.size === 0) continue;
    words += names.size;
    lines.push(`${lang}\t${[...names].sort().join(' ')}`);
  }
  return wordTableJson('months', 'CLDR month names via ICU (Node Intl.DateTimeFormat), Unicode License v3; languages of stopwords-iso; see scripts/geo-data/months.ts', 'folded month names', lines, words);
}
