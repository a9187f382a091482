/** The build-time dataset compilers, by output name (shared/geo/generated/<name>.json). */
import { buildCurrencies } from './currencies.ts';

export const GEO_DATASETS: Record<string, () => string> = {
  currencies: buildCurrencies,
};
