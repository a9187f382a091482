/**
 * Compiles the maintained datasets the geo classifier reads (brands, currencies, stopwords…) into
 * shared/geo/generated/*.json at build time; deterministic (same packages → same bytes; checked
 * by test/unit/geo-data-build.test.ts). Run: node scripts/build-geo-data.ts [name…]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './geo-data/common.ts';
import { GEO_DATASETS } from './geo-data/index.ts';

const wanted = process.argv.slice(2);
for (const [name, build] of Object.entries(GEO_DATASETS)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const t0 = performance.now();
  const json = build();
  writeFileSync(join(root, 'shared/geo/generated', `${name}.json`), json);
  console.error(`${name}: ${(json.length / 1e3).toFixed(1)} kB in ${Math.round(performance.now() - t0)} ms`);
}
