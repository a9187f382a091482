/**
 * The words that join the items of a list, per language: CLDR list patterns (cldr-misc-full,
 * Unicode License v3), the "or" list ("{0} or {1}") and the standard "and" list ("{0} and {1}"),
 * their two-item and final forms. They let the classifier see that a tip offers places as
 * alternatives ("Canada or Australia", "Moldova sau România") or lists them side by side
 * ("Belfast and Dublin"). Regional locales (pt-PT) are merged into their language. Connectors
 * that are only punctuation (", ") are left out: a comma joins a list, it does not make one.
 */
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fold } from '../../shared/text/fold.ts';
import { packLines, readJson, root } from './common.ts';

type Patterns = Record<string, Record<string, string>>;
const TYPES = { or: 'listPattern-type-or', and: 'listPattern-type-standard' } as const;

export function buildConnectors(): string {
  const dir = join(root, 'node_modules/cldr-misc-full/main');
  const byLang = new Map<string, { or: Set<string>; and: Set<string> }>();
  for (const locale of readdirSync(dir).sort()) {
    const rel = `cldr-misc-full/main/${locale}/listPatterns.json`;
    if (!existsSync(join(root, 'node_modules', rel))) continue;
    const p = readJson<{ main: Record<string, { listPatterns: Patterns }> }>(rel).main[locale]!.listPatterns;
    const lang = locale.split('-')[0]!;
    const entry = byLang.get(lang) ?? { or: new Set(), and: new Set() };
    byLang.set(lang, entry);
    for (const [type, key] of Object.entries(TYPES) as [keyof typeof TYPES, string][]) {
      for (const form of ['2', 'end']) {
        const m = /\{0\}(.*)\{1\}/su.exec(p[key]?.[form] ?? '');
        // Leading list punctuation (", or", "، و") is the comma of the list, not the connector.
        const word = fold(m?.[1] ?? '').replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '').replace(/\s+/g, ' ');
        // "a(c)", "a(n)": Welsh and Irish forms that change with the next sound, not plain words.
        if (/\p{L}/u.test(word) && !/[()]/.test(word)) entry[type].add(word);
      }
    }
  }
  const lines: string[] = [];
  let words = 0;
  for (const [lang, { or, and }] of byLang) {
    for (const [type, set] of [['or', or], ['and', and]] as const) {
      if (set.size === 0) continue;
      words += set.size;
      lines.push(`${lang}\t${type}\t${[...set].sort().join('|')}`);
    }
  }
  const out = {
    version: 1,
    source: 'CLDR list patterns (cldr-misc-full listPatterns.json: or, standard; forms "2" and "end"), Unicode License v3; see scripts/geo-data/connectors.ts',
    format: "base64(raw deflate(lines 'language\\tor|and\\tfolded connectors separated by |' sorted, joined by '\\n'))",
    connectors: packLines(lines),
    counts: { languages: byLang.size, words },
  };
  return JSON.stringify(out) + '\n';
}
