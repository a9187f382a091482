/**
 * Language negotiation for public texts (RFC 9110 Accept-Language, RFC 4647
 * lookup). Pure: the list-objects handler and its tests share it.
 */

/** A language tag as the API accepts it: "pt", "pt-BR", "zh-Hant". */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** The language every text exists in, and the fallback. */
export const FALLBACK_LANGUAGE = 'en';

/**
 * The tags of an Accept-Language header, most preferred first (by q, then by
 * position); q=0, `*` and malformed entries dropped. Never throws: a broken
 * header just means "no preference".
 */
export function parseAcceptLanguage(header: string | undefined): string[] {
  if (header === undefined) return [];
  const entries: { tag: string; q: number; index: number }[] = [];
  header.split(',').forEach((part, index) => {
    const [rawTag, ...params] = part.trim().split(';');
    const tag = rawTag?.trim() ?? '';
    if (!LANGUAGE_TAG.test(tag)) return;
    let q = 1;
    for (const param of params) {
      const match = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(param);
      if (match !== null) q = Number(match[1]);
      else return;
    }
    if (q <= 0 || q > 1) return;
    entries.push({ tag: tag.toLowerCase(), q, index });
  });
  entries.sort((a, b) => b.q - a.q || a.index - b.index);
  return [...new Set(entries.map((entry) => entry.tag))];
}

/**
 * The best of `available` for someone who prefers `preferred` (most preferred
 * first): an exact tag, else the same primary language ("pt-BR" takes "pt",
 * "pt" takes "pt-PT"); null when none matches. Case-insensitive; answers the
 * tag as written in `available`.
 */
export function bestLanguage(preferred: readonly string[], available: readonly string[]): string | null {
  const byLower = new Map(available.map((tag) => [tag.toLowerCase(), tag]));
  for (const wanted of preferred) {
    const tag = wanted.toLowerCase();
    const exact = byLower.get(tag);
    if (exact !== undefined) return exact;
    const primary = tag.split('-')[0]!;
    const base = byLower.get(primary);
    if (base !== undefined) return base;
    for (const [lower, original] of byLower) if (lower.split('-')[0] === primary) return original;
  }
  return null;
}
