import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WORLD_MAP_FILE, worldMapJson } from '../../scripts/build-world-map.ts';

describe('the console world map', () => {
  it('is what the build script makes from country-coder today (byte-reproducible, never edited by hand)', () => {
    // Act
    const built = worldMapJson();

    // Assess
    expect(readFileSync(WORLD_MAP_FILE, 'utf8')).toBe(built);
  });

  it('has one path per queue country, keyed by ISO code, with the parts of split countries merged', () => {
    // Act
    const map = JSON.parse(worldMapJson()) as { countries: { code: string; name: string; d: string }[] };

    // Assess
    const codes = map.countries.map((country) => country.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of ['FR', 'GB', 'PT', 'BR', 'JP', 'NL', 'MT']) expect(codes).toContain(code);
    expect(codes).not.toContain('FX');
    expect(map.countries.every((country) => /^M\d+ \d+l[-\d ]+z/.test(country.d))).toBe(true);
  });
});
