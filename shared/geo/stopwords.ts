/**
 * Common words per language from stopwords-iso (generated/stopwords.json, folded as the runtime
 * folds), decoded on first use. Read by the common-word flag on place names (places.ts); one
 * module so that any other reader decodes the same table once.
 */
import stopwordJson from './generated/stopwords.json' with { type: 'json' };
import { unpackLines } from './unpack.ts';

let stopwordsByLang: Map<string, ReadonlySet<string>> | null = null;

/** The folded stopwords of an ISO 639-1 language, or undefined when stopwords-iso has no list for it. */
export function stopwordsOf(language: string): ReadonlySet<string> | undefined {
  if (stopwordsByLang === null) {
    stopwordsByLang = new Map();
    for (const line of unpackLines(stopwordJson.stopwords)) {
      const tab = line.indexOf('\t');
      stopwordsByLang.set(line.slice(0, tab), new Set(line.slice(tab + 1).split(' ')));
    }
  }
  return stopwordsByLang.get(language);
}
