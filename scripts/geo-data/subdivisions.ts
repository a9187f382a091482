/**
 * Subdivision names from the `iso-3166` package (MIT, wooorm; ISO 3166-2 as published by ISO and
 * Wikipedia's mirror of it), folded as the runtime folds: name → countries that have a subdivision
 * of that name. Read by the "County X" form, so that X resolves only when it is some country's
 * subdivision ("County Kerry" → IE, "County Durham" → GB) and "County Road", "County Court" say
 * nothing. What the data covers: first- and second-level subdivisions (IE: its 26 counties and 4
 * provinces; GB: counties, unitary authorities, boroughs and the 11 Northern Ireland districts, not
 * the six historic NI counties; US: states only, no US counties). A merged district's name lists its
 * parts ("Armagh City, Banbridge and Craigavon", "Durham, County"): each part is indexed too.
 */
import { fold } from '../../shared/text/fold.ts';
import { packLines, require } from './common.ts';

interface Entry { code: string; name: string; parent: string }

export function buildSubdivisions(): string {
  const { iso31662 } = require('iso-3166/2.js') as { iso31662: Entry[] };
  const byName = new Map<string, Set<string>>();
  const add = (name: string, cc: string): void => {
    const k = fold(name.trim());
    if (k.length < 3) return;
    let s = byName.get(k);
    if (!s) byName.set(k, (s = new Set()));
    s.add(cc);
  };
  for (const e of iso31662) {
    const cc = e.parent.slice(0, 2);
    // Names carry bracketed variants and qualifiers ("Bruxelles-Capitale, Région de [fr]"): drop the brackets.
    const name = e.name.replace(/\s*\[[^\]]*\]/g, '').replace(/\s*\([^)]*\)/g, '');
    add(name, cc);
    const parts = name.split(/,\s*|\s+and\s+|\s*\/\s*/);
    if (parts.length > 1) for (const p of parts) add(p, cc);
  }
  const lines = [...byName].map(([k, s]) => `${k}\t${[...s].sort().join(' ')}`);
  const out = {
    version: 1,
    source: 'iso-3166 (MIT), ISO 3166-2 subdivision names; see scripts/geo-data/subdivisions.ts',
    format: "base64(raw deflate(lines 'folded name\\tCC CC ...' sorted, joined by '\\n'))",
    subdivisions: packLines(lines),
    counts: { entries: iso31662.length, names: lines.length },
  };
  return JSON.stringify(out) + '\n';
}
