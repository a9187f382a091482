/**
 * Counts the hand-curated entries of the geo classifier (issue 13 asks for the figure before and after).
 * How: every top-level `const`/`export const` in shared/geo/data/*.ts, and the inline tables named
 * below in signals.ts / places.ts / language.ts, is read as source text; an entry is one quoted
 * string atom, where a string holding a list ('a|b|c', or words separated by spaces as in the cue
 * sets and demonym stems) counts once per item, and a `{ CC: weight }` prior counts once per row
 * (the row's name string), not per country. Regular-expression literals count one per `|` branch.
 * Run: node scripts/count-geo-hand.ts [--json]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const geo = join(root, 'shared/geo');

/** Top-level declarations of a TS source: name → source text of its initialiser. */
function declarations(src: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /^(?:export )?const (\w+)\b[^=]*=\s*/gm;
  const starts = [...src.matchAll(re)];
  for (const m of starts) {
    const from = m.index + m[0].length;
    out.set(m[1]!, src.slice(from, statementEnd(src, from)));
  }
  return out;
}

/** End of the statement starting at `from`: the first `;` outside brackets, strings and regexes. */
function statementEnd(src: string, from: number): number {
  let depth = 0;
  for (let i = from; i < src.length; i++) {
    const c = src[i]!;
    if (c === "'" || c === '"' || c === '`') {
      for (i++; i < src.length && src[i] !== c; i++) if (src[i] === '\\') i++;
    } else if (c === '/' && src[i + 1] === '/') i = src.indexOf('\n', i);
    else if (c === '/' && src[i + 1] === '*') i = src.indexOf('*/', i) + 1;
    else if (c === '/' && /[=(,:[!&|?{};]\s*$/.test(src.slice(Math.max(from, i - 3), i)) || (c === '/' && i === from)) {
      for (i++; i < src.length && src[i] !== '/'; i++) if (src[i] === '\\') i++; else if (src[i] === '[') while (src[++i] !== ']') if (src[i] === '\\') i++;
    } else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ';' && depth === 0) return i;
  }
  return src.length;
}

/** Entries in one initialiser: string atoms (lists split), regex branches. */
function entries(init: string): number {
  let n = 0;
  const body = init.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '');
  for (const m of body.matchAll(/(['"`])((?:\\.|(?!\1)[^\\])*)\1/g)) {
    const s = m[2]!;
    // A country code used as a prior key or a weight map key is not an entry.
    if (/^[A-Z]{2}$/.test(s) && /^\s*:/.test(body.slice(m.index + m[0].length))) continue;
    n += s.split(/[|\s]+/).filter(Boolean).length;
  }
  // Bare object keys holding countries ({ PL: 1 }) are not entries; bare string-ish keys of lookup tables are.
  for (const m of body.matchAll(/[{,]\s*([a-z][\w]*)\s*:\s*(?:\{|new Set|')/g)) if (m[1]) n++;
  for (const m of body.matchAll(/(?<![\w)\]])\/((?:\\.|[^/\n\\])+)\/[gimsuy]*/g)) n += m[1]!.split('|').length;
  return n;
}

const report: Record<string, Record<string, number>> = {};
for (const f of readdirSync(join(geo, 'data')).filter((x) => x.endsWith('.ts')).sort()) {
  const decl = declarations(readFileSync(join(geo, 'data', f), 'utf8'));
  report[`data/${f}`] = Object.fromEntries([...decl].filter(([k]) => k !== 'set').map(([k, v]) => [k, entries(v)]));
}
/** Inline tables in code (named so the count can be repeated). */
const INLINE: Record<string, string[]> = {
  'signals.ts': ['PHONE_WORDS', 'US_STATES', 'PREFIXED', 'POSTCODE_PATTERNS', 'NUMERIC_POSTCODE', 'WEAK_SYMBOLS', 'QUOTED_SCRIPTS', 'CURRENCY_WORDS', 'BRAND_WEIGHT'],
  'places.ts': ['CHAIN_WORDS', 'ADMIN_HEADS', 'LOWER_COMMON', 'GENITIVE_ONLY', 'NON_INFLECTING', 'DE_FUNCTION', 'EN_FUNCTION', 'STREET_TYPES'],
};
for (const [file, names] of Object.entries(INLINE)) {
  const src = readFileSync(join(geo, file), 'utf8');
  const decl = declarations(src);
  const row: Record<string, number> = {};
  for (const n of names) if (decl.has(n)) row[n] = entries(decl.get(n)!);
  // ABBREV is filled by loops over space-separated strings.
  if (file === 'places.ts') row['ABBREV'] = [...src.matchAll(/for \(const a of '([^']+)'\.split/g)].reduce((a, m) => a + m[1]!.split(' ').length, 0);
  report[file] = row;
}
const total = Object.values(report).reduce((a, r) => a + Object.values(r).reduce((x, y) => x + y, 0), 0);
if (process.argv.includes('--json')) console.log(JSON.stringify({ total, report }, null, 1));
else {
  for (const [f, r] of Object.entries(report)) console.log(`${f.padEnd(20)} ${Object.values(r).reduce((x, y) => x + y, 0).toString().padStart(6)}  ${Object.entries(r).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`${'total'.padEnd(20)} ${String(total).padStart(6)}`);
}
