import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GEO_DATASETS } from '../../../scripts/geo-data/index.ts';

const generated = join(import.meta.dirname, '../../../shared/geo/generated');
const haveSources = existsSync(join(import.meta.dirname, '../../../node_modules/cldr-numbers-full'));

describe('generated geo datasets', () => {
  for (const [name, build] of Object.entries(GEO_DATASETS)) {
    it.runIf(haveSources)(`${name}: two builds give the same bytes, equal to the committed file`, () => {
      // Prepare / Act
      const first = build();
      const second = build();
      // Assess
      expect(second).toBe(first);
      expect(first).toBe(readFileSync(join(generated, `${name}.json`), 'utf8'));
      expect(/[^\x00-\x7f]/.test(first)).toBe(false); // cheap for esbuild to inline
    }, 60_000);
  }
});
