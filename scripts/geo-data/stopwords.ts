/**
 * Common words per language from stopwords-iso (MIT): a place name that is an ordinary word in the
 * tip's language ("lima" = five in Indonesian, "como" in Spanish) is flagged `commonWord` at run
 * time and does not decide alone. Folded as the runtime folds; one line per language.
 */
import { fold } from '../../shared/text/fold.ts';
import { require, wordTableJson } from './common.ts';

export function buildStopwords(): string {
  const sw = require('stopwords-iso') as Record<string, string[]>;
  const lines: string[] = [];
  let words = 0;
  for (const lang of Object.keys(sw).sort()) {
    const set = [...new Set(sw[lang]!.map((w) => fold(w)).filter((w) => w.length >= 2 && !/[\s\t]/.test(w)))].sort();
    words += set.length;
    lines.push(`${lang}\t${set.join(' ')}`);
  }
  return wordTableJson('stopwords', 'stopwords-iso (MIT); see scripts/geo-data/stopwords.ts', 'folded words', lines, words);
}
