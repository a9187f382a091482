/**
 * Helpers shared by the build-time dataset compilers in scripts/geo-data/: deterministic packing
 * of line-oriented tables into a compact, ASCII-only string (raw deflate + base64), so esbuild
 * inlines it cheaply (non-ASCII JSON would be escaped to \uXXXX, six bytes a character).
 */
import { deflateRawSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const require = createRequire(join(root, 'package.json'));

export function readJson<T>(rel: string): T {
  return JSON.parse(readFileSync(join(root, 'node_modules', rel), 'utf8')) as T;
}

/** Lines sorted in code-unit order, joined with '\n', raw-deflated (level 9) and base64-encoded. */
export function packLines(lines: Iterable<string>): string {
  const sorted = [...lines].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return deflateRawSync(Buffer.from(sorted.join('\n'), 'utf8'), { level: 9, memLevel: 9 }).toString('base64');
}

/**
 * A per-language word table as the runtime reads it (shared/geo/unpack.ts unpackLines): `field` holds the
 * packed lines "ISO 639-1\tfolded words separated by spaces", sorted. Months and stopwords use it.
 */
export function wordTableJson(field: string, source: string, what: string, lines: string[], words: number): string {
  const out = {
    version: 1,
    source,
    format: `base64(raw deflate(lines 'ISO 639-1\\t${what} separated by spaces' sorted, joined by '\\n'))`,
    [field]: packLines(lines),
    counts: { languages: lines.length, words },
  };
  return JSON.stringify(out) + '\n';
}

/** A prior as `CC:share,CC:share` with shares in whole percent (≥ 1), largest first, at most `max` countries. */
export function encodePrior(weights: Map<string, number>, max = 12): string {
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  if (total <= 0) return '';
  return [...weights]
    .map(([cc, w]) => [cc, Math.round((100 * w) / total)] as const)
    .filter(([, p]) => p >= 1)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, max)
    .map(([cc, p]) => `${cc}:${p}`)
    .join(',');
}

/** Population or GDP per ISO 3166-1 territory from CLDR supplemental territoryInfo (Unicode licence). */
export function territoryFigures(field: '_population' | '_gdp'): Map<string, number> {
  const info = readJson<{ supplemental: { territoryInfo: Record<string, Record<string, unknown>> } }>('cldr-core/supplemental/territoryInfo.json');
  const out = new Map<string, number>();
  for (const [t, v] of Object.entries(info.supplemental.territoryInfo)) if (/^[A-Z]{2}$/.test(t)) out.set(t, Number(v[field] ?? 0));
  return out;
}
