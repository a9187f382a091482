/**
 * Shop chains the name-suggestion-index (generated/brands.json, scripts/geo-data/brands.ts) does
 * not list under these names: short forms of listed brands ("ICA" for ICA Supermarket/Nära/Kvantum,
 * "CVS" for CVS Pharmacy, "Bunnings" for Bunnings Warehouse, "Donki"/"Don Quijote" for ドン・キホーテ),
 * Latin transliterations of Cyrillic names (Magnit, Pyaterochka), and chains NSI lacks (Tuš,
 * Rami Levy, Imtiaz, Irma, Kaufhof). Checked against name-suggestion-index 8.0.20260918: every
 * other chain of the former hand list is in NSI (scripts/geo-data/brands.ts reads them from there).
 * Sources for the countries: each chain's Wikipedia article ("Areas served") and store locator,
 * checked 2024 (kept from the former hand list).
 */
export const RESIDUAL_CHAINS: ReadonlyArray<readonly [string, Record<string, number>]> = [
  ['ICA', { SE: 1 }], ['Irma', { DK: 1 }], ['Spar Österreich', { AT: 1 }], ['Kaufhof', { DE: 1 }], ['Dunnes', { IE: 1 }],
  ['Tuš', { SI: 1 }], ['Magnit', { RU: 1 }], ['Pyaterochka', { RU: 1 }], ['CVS', { US: 1 }], ['Bunnings', { AU: 0.85, NZ: 0.15 }],
  ['Rami Levy', { IL: 1 }], ['Imtiaz', { PK: 1 }], ['Don Quijote', { JP: 0.9 }], ['Donki', { JP: 0.9 }],
];
