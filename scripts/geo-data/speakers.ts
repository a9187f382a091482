/**
 * Speakers of each language per country, from CLDR supplemental territoryInfo (cldr-core, Unicode
 * licence): languagePopulation's `_populationPercent`, the share of the country's people who speak
 * it. The classifier reads a national-format phone number ("055 21 43 87") valid in several
 * countries as more likely from a country where the tip's language is spoken, instead of splitting
 * it evenly. The share, not the head count: every country where the number is valid is equally
 * likely before the language is read (the even split), and the language's share there is how
 * likely a tipster from it writes so; head counts let India's 268M English speakers outweigh
 * Britain's 67M on a London number ("020 7946 0321" is valid in both). A `*` marks a country
 * where CLDR gives the language an official status (national, de facto or regional).
 * Keyed by the ISO 639-1 codes the language guess returns (a CLDR code with a script or region
 * subtag, "zh_Hant", folds into its language); one line per language.
 */
import { readJson } from './common.ts';

interface TerritoryInfo {
  languagePopulation?: Record<string, { _populationPercent?: string; _officialStatus?: string }>;
}

export function buildSpeakers(): string {
  const info = readJson<{ supplemental: { territoryInfo: Record<string, TerritoryInfo> } }>('cldr-core/supplemental/territoryInfo.json');
  const byLang = new Map<string, Map<string, number>>();
  /** lang:CC pairs where CLDR gives the language an official status (national, de facto or regional). */
  const official = new Set<string>();
  for (const [cc, t] of Object.entries(info.supplemental.territoryInfo)) {
    if (!/^[A-Z]{2}$/.test(cc)) continue;
    for (const [code, lp] of Object.entries(t.languagePopulation ?? {})) {
      const lang = code.split('_')[0]!;
      if (!/^[a-z]{2}$/.test(lang)) continue;
      const percent = Number(lp._populationPercent ?? 0);
      if (lp._officialStatus) official.add(`${lang}:${cc}`);
      const m = byLang.get(lang) ?? new Map<string, number>();
      m.set(cc, Math.min(100, (m.get(cc) ?? 0) + percent));
      byLang.set(lang, m);
    }
  }
  const speakers: Record<string, string> = {};
  let pairs = 0;
  for (const lang of [...byLang.keys()].sort()) {
    const rows = [...byLang.get(lang)!].map(([cc, p]) => [cc, Number(p.toPrecision(2))] as const).filter(([, p]) => p >= 0.1)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    if (rows.length === 0) continue;
    pairs += rows.length;
    speakers[lang] = rows.map(([cc, p]) => `${cc}:${p}${official.has(`${lang}:${cc}`) ? '*' : ''}`).join(',');
  }
  const out = {
    version: 1,
    source: 'CLDR cldr-core supplemental/territoryInfo.json languagePopulation (Unicode licence); see scripts/geo-data/speakers.ts',
    format: "ISO 639-1 -> 'CC:percent of the population speaking it[*],...', highest first; * = official there (CLDR _officialStatus)",
    speakers,
    counts: { languages: Object.keys(speakers).length, pairs },
  };
  return JSON.stringify(out) + '\n';
}
