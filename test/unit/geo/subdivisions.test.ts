import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { analyse } from '#shared/geo/analyse.ts';
import { subdivisionCountries } from '#shared/geo/places.ts';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const countyMentions = (text: string) => analyse(text).mentions.filter((m) => m.text.startsWith('County'));

describe('"County X" resolves through ISO 3166-2 subdivision names (iso-3166)', () => {
  it('reads no place in "County Road" or "County Court"', () => {
    // Prepare / Act
    const road = countyMentions('The bag was found by the ditch on County Road 12 near the farm.');
    const court = countyMentions('He appeared at the County Court on Monday, the clerk said.');
    // Assess
    expect(road).toEqual([]);
    expect(court).toEqual([]);
  });

  it('reads "County Kerry" as Ireland and "County Durham" as the United Kingdom', () => {
    // Prepare / Act
    const kerry = countyMentions('We stayed in a cottage in County Kerry that summer.');
    const durham = countyMentions('The towel came from a B&B in County Durham.');
    // Assess
    expect(kerry.map((m) => [...m.prior.keys()])).toEqual([['IE']]);
    expect(durham.map((m) => [...m.prior.keys()])).toEqual([['GB']]);
  });

  it('agrees with the iso-3166 list it was built from (property)', () => {
    // Prepare
    const { iso31662 } = require('iso-3166/2.js') as { iso31662: { name: string; parent: string }[] };
    const plain = iso31662.filter((e) => /^\p{Lu}[\p{L}-]{2,}$/u.test(e.name));
    // Act / Assess: every one-word subdivision name maps to (at least) its own country.
    fc.assert(
      fc.property(fc.constantFrom(...plain), (e) => subdivisionCountries(e.name).includes(e.parent.slice(0, 2))),
    );
  });
});
