/**
 * Common words per language from stopwords-iso (MIT): a place name that is an ordinary word in the
 * tip's language ("lima" = five in Indonesian, "como" in Spanish) is flagged `commonWord` at run
 * time and does not decide alone. Folded as the runtime folds; one line per language.
 */
import { fold } from '../../shared/text/fold.ts';
import { packLines, require } from './common.ts';

export function buildStopwords(): string {
  const sw = require('stopwords-iso') as Record<string, string[]>;
  const lines: string[] = [];
  let words = 0;
  for (const lang of Object.keys(sw).sort()) {
    const set = [...new Set(sw[lang]!.map((w) => fold(w)).filter((w) => w.length >= 2 && !/[\s\t]/.test(w)))].sort();
    words += set.length;
    lines.push(`${lang}\t${set.join(' ')}`);
  }
  const out = {
    version: 1,
    source: 'stopwords-iso (MIT); see scripts/geo-data/stopwords.ts',
    format: "base64(raw deflate(lines 'ISO 639-1\\tfolded words separated by spaces' sorted, joined by '\\n'))",
    stopwords: packLines(lines),
    counts: { languages: lines.length, words },
  };
  return JSON.stringify(out) + '\n';
}
