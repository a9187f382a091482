import { normalise, STOPWORDS, tokenize } from '../text/index.ts';

/**
 * The search terms of a text, pure: the same folding as the deduplicator
 * (shared/text `normalise`: compatibility forms, invisibles, homoglyphs, case
 * and diacritics), split into words by shared/text `tokenize`. A word of a
 * script written without spaces (Han, Kana, Hangul, Thai…) is indexed as its
 * overlapping character pairs, so a query of any part of it two or more
 * characters long finds it. Each word is folded once more on its own, so a
 * word's term does not depend on the script of the text around it (normalise
 * judges homoglyphs by the text's majority script) and a one-word query finds
 * what the tip's text filed. English function words and one-letter words are
 * left out; so is anything past the first MAX_TERMS distinct terms (each term
 * is one index item, one write unit, per tip).
 */
export const MAX_TERMS = 64;
/** DynamoDB keys are bytes; a term this long is a run of junk, not a word anyone searches. */
const MAX_TERM_CHARS = 64;

export function searchTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const token of tokenize(normalise(text))) {
    const word = normalise(token.text);
    if (word === '') continue;
    if (token.cjk) {
      const chars = [...word];
      if (chars.length === 1) terms.add(word);
      for (let i = 0; i + 1 < chars.length; i += 1) terms.add(chars[i]! + chars[i + 1]!);
    } else if ([...word].length >= 2 && !STOPWORDS.has(word)) {
      terms.add([...word].slice(0, MAX_TERM_CHARS).join(''));
    }
    if (terms.size >= MAX_TERMS) break;
  }
  return [...terms].slice(0, MAX_TERMS);
}

/** The sort key of a tip's index items: its submission second, then its id (unique, and a date range is a key range). */
export const searchKey = (submittedAt: string, tipId: string): string => `${submittedAt}#${tipId}`;
