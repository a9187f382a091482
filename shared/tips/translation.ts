import type { TranslationFailure } from '../schemas/translation.ts';
import translateLanguages from './data/translate-languages.json' with { type: 'json' };

/** Amazon Translate takes at most 10,000 bytes of UTF-8 per TranslateText call; a tip can be 5,000 characters of up to 4 bytes. */
export const TRANSLATE_MAX_BYTES = 10_000;

const utf8 = new TextEncoder();
const bytesOf = (text: string): number => utf8.encode(text).length;

/**
 * Splits a text into pieces of at most `maxBytes` UTF-8 bytes whose concatenation is the text,
 * cutting after a paragraph, else a sentence end, else a space, and only as a last resort inside a
 * run of text (never inside a character: surrogate pairs stay whole), so each piece translates as
 * sentences.
 */
export function splitForTranslation(text: string, maxBytes: number = TRANSLATE_MAX_BYTES): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (bytesOf(rest) > maxBytes) {
    // The longest prefix within the limit, in whole code points.
    const chars = [...rest];
    let end = 0;
    let bytes = 0;
    while (end < chars.length && bytes + bytesOf(chars[end]!) <= maxBytes) {
      bytes += bytesOf(chars[end]!);
      end += 1;
    }
    const prefix = chars.slice(0, end).join('');
    const cut = lastBoundary(prefix);
    const head = cut > 0 ? prefix.slice(0, cut) : prefix;
    pieces.push(head);
    rest = rest.slice(head.length);
  }
  if (rest !== '' || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** The end of the last paragraph, sentence or word in `prefix` (0 when there is none). */
function lastBoundary(prefix: string): number {
  for (const boundary of [/\n\s*\n/g, /[.!?。！？।]\s+/g, /\s+/g]) {
    let last = 0;
    for (const match of prefix.matchAll(boundary)) last = match.index + match[0].length;
    // A cut so early that the piece would be tiny is no better than a hard cut.
    if (last > prefix.length / 4) return last;
  }
  return 0;
}

/**
 * What an Amazon Translate error means for the investigator. Anything not about the text itself
 * (throttling, a service error, a network failure) is "unavailable": try again later.
 */
export function failureOf(error: unknown): TranslationFailure {
  const name = error instanceof Error ? error.name : '';
  if (name === 'UnsupportedLanguagePairException') return 'unsupported-language';
  if (name === 'DetectedLanguageLowConfidenceException') return 'language-not-detected';
  return 'unavailable';
}

/**
 * The language codes Amazon Translate accepts, and the tags that name the same language under
 * another code; data with its source in ./data/translate-languages.json.
 */
const TRANSLATE_CODES = new Map(translateLanguages.codes.map((code) => [code.toLowerCase(), code]));
const TRANSLATE_ALIASES = new Map(Object.entries(translateLanguages.aliases).map(([tag, code]) => [tag.toLowerCase(), code]));

/**
 * The Amazon Translate code for a language tag ("pl", "pt-BR", "zh-Hant", "nb"), or null when
 * Translate has no such language: the whole tag, else its language-script or language-region
 * prefix, else its primary language, each as a Translate code or a known alias. Case-insensitive.
 */
export function translateLanguageOf(tag: string | null | undefined): string | null {
  if (tag === null || tag === undefined || tag.trim() === '') return null;
  const subtags = tag.trim().replace(/_/g, '-').toLowerCase().split('-');
  for (let length = subtags.length; length >= 1; length -= 1) {
    const prefix = subtags.slice(0, length).join('-');
    const code = TRANSLATE_CODES.get(prefix) ?? TRANSLATE_ALIASES.get(prefix);
    if (code !== undefined) return code;
  }
  return null;
}

/**
 * The source language to send Amazon Translate, never `auto` (which would have Translate call
 * Amazon Comprehend, a second service and a second IAM action): the investigator's explicit
 * choice, else the language the tipster declared, else the one the pipeline detected
 * (shared/geo/language.ts). `unsupported` when the investigator's choice is no Translate language,
 * `unknown` when nothing usable is known: the caller answers 400 naming `source` either way.
 */
export function sourceLanguageFor(known: { requested?: string | undefined; declared?: string | null | undefined; detected?: string | null | undefined }):
  | { source: string }
  | { problem: 'unsupported' | 'unknown' } {
  if (known.requested !== undefined) {
    const source = translateLanguageOf(known.requested);
    return source === null ? { problem: 'unsupported' } : { source };
  }
  const source = translateLanguageOf(known.declared) ?? translateLanguageOf(known.detected);
  return source === null ? { problem: 'unknown' } : { source };
}
