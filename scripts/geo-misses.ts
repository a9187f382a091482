/**
 * Error analysis aid: for each id given (or every line of a JSONL file with --file), print the
 * analysed mentions (kind, text, country distribution, weight × mult, flags) so the cause of a
 * miss can be read. Usage: node scripts/geo-misses.ts path.jsonl [id ...]
 */
import { analyse } from '#shared/geo/analyse.ts';
import { readJsonl } from './lib/geo-training.ts';

const [file, ...ids] = process.argv.slice(2);
if (!file) throw new Error('usage: node scripts/geo-misses.ts path.jsonl [id ...]');
const want = new Set(ids);
for (const it of readJsonl(file)) {
  if (want.size && !want.has(it.id)) continue;
  const a = analyse(it.text);
  console.log(`== ${it.id} gold=${it.countries.join('/')} lang=${a.language ?? '-'}`);
  a.mentions.forEach((m, i) => {
    const d = [...a.dists[i]!].sort((x, y) => y[1] - x[1]).slice(0, 4).map(([c, p]) => `${c}:${p.toFixed(2)}`).join(' ');
    const flags = (['needsSupport', 'negated', 'madeIn', 'demoted', 'person', 'retracted', 'selfLocation', 'idiom', 'style', 'generic', 'commonWord'] as const).filter((f) => m[f]).join(',');
    console.log(`  ${m.kind.padEnd(12)} ${JSON.stringify(m.text).padEnd(28)} w=${(m.weight * m.mult).toFixed(2)} ${d} ${flags}${m.needsSupport ? ' sup=' + m.support.toFixed(2) : ''}`);
  });
}
