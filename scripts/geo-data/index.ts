/** The build-time dataset compilers, by output name (shared/geo/generated/<name>.json). */
import { buildBrands } from './brands.ts';
import { buildConnectors } from './connectors.ts';
import { buildCurrencies } from './currencies.ts';
import { buildMonths } from './months.ts';
import { buildStopwords } from './stopwords.ts';
import { buildSubdivisions } from './subdivisions.ts';

export const GEO_DATASETS: Record<string, () => string> = {
  brands: buildBrands,
  connectors: buildConnectors,
  currencies: buildCurrencies,
  months: buildMonths,
  stopwords: buildStopwords,
  subdivisions: buildSubdivisions,
};
