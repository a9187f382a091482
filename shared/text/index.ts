/**
 * Text normalisation, defined once for the geo classifier and the deduplicator.
 *  - `fold` / `foldKey` (fold.ts): case and diacritics, for looking names up
 *    (the gazetteer, cue words); cheap, and ASCII text passes unchanged.
 *  - `normalise` / `prepare` / `foldCase` (normalise.ts): `fold`'s job plus the
 *    evasions of a duplicate filter (compatibility forms, invisibles,
 *    entities, homoglyphs), for matching one tip against another.
 *  - `tokenize` (tokenize.ts): word tokens with offsets, case and script flags.
 *  - `STOPWORDS` (stopwords.ts) and the negation lists (negations.ts).
 * Hashes live in shared/hash.ts.
 */
export { fold, foldKey } from './fold.ts';
export { decodeEntities, foldCase, majorityScript, normalise, prepare, stripInvisible, type Script } from './normalise.ts';
export { joinable, tokenize, unbreak, type Token } from './tokenize.ts';
export { STOPWORDS } from './stopwords.ts';
export { CLAIM_NEGATIONS, PLACE_NEGATIONS } from './negations.ts';
