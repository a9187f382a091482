/**
 * Speakers of each language per country, from CLDR supplemental territoryInfo (cldr-core, Unicode
 * licence): population × languagePopulation's `_populationPercent`, in thousands. The classifier
 * reads a national-format phone number ("055 21 43 87") valid in several countries as more likely
 * from a country where many people speak the tip's language, instead of splitting it evenly.
 * Keyed by the ISO 639-1 codes the language guess returns (a CLDR code with a script or region
 * subtag, "zh_Hant", folds into its language); one line per language.
 */
import { readJson } from './common.ts';

interface TerritoryInfo {
  _population?: string;
  languagePopulation?: Record<string, { _populationPercent?: string }>;
}

export function buildSpeakers(): string {
  const info = readJson<{ supplemental: { territoryInfo: Record<string, TerritoryInfo> } }>('cldr-core/supplemental/territoryInfo.json');
  const byLang = new Map<string, Map<string, number>>();
  for (const [cc, t] of Object.entries(info.supplemental.territoryInfo)) {
    if (!/^[A-Z]{2}$/.test(cc)) continue;
    const population = Number(t._population ?? 0);
    for (const [code, lp] of Object.entries(t.languagePopulation ?? {})) {
      const lang = code.split('_')[0]!;
      if (!/^[a-z]{2}$/.test(lang)) continue;
      const thousands = (population * Number(lp._populationPercent ?? 0)) / 100 / 1000;
      const m = byLang.get(lang) ?? new Map<string, number>();
      m.set(cc, (m.get(cc) ?? 0) + thousands);
      byLang.set(lang, m);
    }
  }
  const speakers: Record<string, string> = {};
  let pairs = 0;
  for (const lang of [...byLang.keys()].sort()) {
    const rows = [...byLang.get(lang)!].map(([cc, k]) => [cc, Math.round(k)] as const).filter(([, k]) => k >= 1)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    if (rows.length === 0) continue;
    pairs += rows.length;
    speakers[lang] = rows.map(([cc, k]) => `${cc}:${k}`).join(',');
  }
  const out = {
    version: 1,
    source: 'CLDR cldr-core supplemental/territoryInfo.json languagePopulation (Unicode licence); see scripts/geo-data/speakers.ts',
    format: "ISO 639-1 -> 'CC:thousands of speakers,...', most speakers first",
    speakers,
    counts: { languages: Object.keys(speakers).length, pairs },
  };
  return JSON.stringify(out) + '\n';
}
