import { describe, it, expect } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
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

  it.runIf(haveSources)('gazetteer: two builds give the same bytes, equal to the committed file', () => {
    // Prepare
    const script = join(import.meta.dirname, '../../../scripts/build-gazetteer.ts');
    const build = (): string => {
      const dir = mkdtempSync(join(tmpdir(), 'gaz-'));
      execFileSync(process.execPath, [script], { env: { ...process.env, GEO_SKIP_GRID: '1', GEO_OUT_DIR: dir }, stdio: 'pipe' });
      return readFileSync(join(dir, 'gazetteer.json'), 'utf8');
    };
    // Act
    const first = build();
    const second = build();
    // Assess
    expect(second).toBe(first);
    expect(first).toBe(readFileSync(join(generated, 'gazetteer.json'), 'utf8'));
  }, 180_000);
});
