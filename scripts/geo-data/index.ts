/** The build-time dataset compilers, by output name (shared/geo/generated/<name>.json). */
import { buildBrands } from './brands.ts';
import { buildCurrencies } from './currencies.ts';
import { buildStopwords } from './stopwords.ts';
import { buildSubdivisions } from './subdivisions.ts';

export const GEO_DATASETS: Record<string, () => string> = {
  brands: buildBrands,
  currencies: buildCurrencies,
  stopwords: buildStopwords,
  subdivisions: buildSubdivisions,
};
