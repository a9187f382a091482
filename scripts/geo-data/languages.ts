/**
 * Where each language is official, from CLDR (Unicode licence) supplemental territoryInfo: for
 * every ISO 3166-1 territory, the languages whose `_officialStatus` is `official` or
 * `de_facto_official` (English in the US; not `official_regional`, which would make Spanish
 * official in the US and Hindi's neighbours in India). Keyed by the language subtag alone
 * (`zh_Hant` → `zh`), as the tip-language detector (language.ts) names languages.
 * Read by features.ts: in an English text, "Athens" or "Alexandria" alone may well be an American
 * town, since the name also names a place where the text's language is spoken.
 */
import { readJson } from './common.ts';

const OFFICIAL = new Set(['official', 'de_facto_official']);

export function buildLanguages(): string {
  const info = readJson<{ supplemental: { territoryInfo: Record<string, { languagePopulation?: Record<string, { _officialStatus?: string }> }> } }>('cldr-core/supplemental/territoryInfo.json');
  const byLang = new Map<string, Set<string>>();
  for (const [t, v] of Object.entries(info.supplemental.territoryInfo)) {
    if (!/^[A-Z]{2}$/.test(t)) continue;
    for (const [lang, p] of Object.entries(v.languagePopulation ?? {})) {
      if (!OFFICIAL.has(p._officialStatus ?? '')) continue;
      const code = lang.split('_')[0]!;
      let s = byLang.get(code);
      if (!s) byLang.set(code, (s = new Set()));
      s.add(t);
    }
  }
  const languages: Record<string, string> = {};
  for (const code of [...byLang.keys()].sort()) languages[code] = [...byLang.get(code)!].sort().join(' ');
  const out = {
    version: 1,
    source: 'CLDR cldr-core supplemental/territoryInfo.json (Unicode licence v3), official and de facto official languages; see scripts/geo-data/languages.ts',
    format: 'language subtag -> space-separated ISO 3166-1 codes where it is official',
    languages,
  };
  return JSON.stringify(out) + '\n';
}
