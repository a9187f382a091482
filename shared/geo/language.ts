/** Tip language via franc-min (ISO 639-3) mapped to ISO 639-1. */
import { franc } from 'franc-min';

const ISO3_TO_1: Record<string, string> = {
  eng: 'en', deu: 'de', fra: 'fr', spa: 'es', ita: 'it', por: 'pt', nld: 'nl', pol: 'pl', ces: 'cs', slk: 'sk',
  hun: 'hu', fin: 'fi', est: 'et', lav: 'lv', lvs: 'lv', lit: 'lt', ell: 'el', bul: 'bg', ukr: 'uk', ron: 'ro', hrv: 'hr',
  slv: 'sl', srp: 'sr', bos: 'bs', mkd: 'mk', sqi: 'sq', als: 'sq', dan: 'da', swe: 'sv', nob: 'nb', nno: 'nn', nor: 'no',
  isl: 'is', rus: 'ru', bel: 'be', tur: 'tr', jpn: 'ja', kor: 'ko', cmn: 'zh', zho: 'zh', heb: 'he', hin: 'hi', arb: 'ar',
  ara: 'ar', pes: 'fa', fas: 'fa', tha: 'th', vie: 'vi', ind: 'id', zlm: 'ms', msa: 'ms', kat: 'ka', hye: 'hy', azj: 'az',
  aze: 'az', kaz: 'kk', uzn: 'uz', cat: 'ca', glg: 'gl', eus: 'eu', afr: 'af', swh: 'sw', tgl: 'tl', ben: 'bn', urd: 'ur',
  pan: 'pa', tam: 'ta', tel: 'te', mar: 'mr', guj: 'gu', kan: 'kn', mal: 'ml', amh: 'am', hau: 'ha', yor: 'yo', ibo: 'ig',
  som: 'so', zul: 'zu', xho: 'xh', nep: 'ne', sin: 'si', mya: 'my', khm: 'km', lao: 'lo', mon: 'mn', tgk: 'tg', kir: 'ky',
  tuk: 'tk', uig: 'ug', run: 'rn', kin: 'rw', mlg: 'mg', nya: 'ny', sna: 'sn', ceb: 'ceb'.slice(0, 0), ilo: '',
};

// Scripts that identify the language outright where franc-min has no model.
const SCRIPT_LANG: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\u3040-\u30ff]/u, 'ja'], [/[\uac00-\ud7af]/u, 'ko'], [/[\u0590-\u05ff]/u, 'he'], [/[\u0370-\u03ff]/u, 'el'],
  [/[\u0e00-\u0e7f]/u, 'th'], [/[\u10a0-\u10ff]/u, 'ka'], [/[\u0530-\u058f]/u, 'hy'],
];

// Restricting franc to the languages we can use halves its cost (it dominates the profile).
const ONLY = ['eng', 'deu', 'fra', 'spa', 'ita', 'por', 'nld', 'pol', 'ces', 'slk', 'hun', 'fin', 'est', 'lav', 'lvs', 'lit',
  'ell', 'bul', 'ukr', 'ron', 'hrv', 'slv', 'srp', 'bos', 'mkd', 'als', 'dan', 'swe', 'nob', 'nno', 'isl', 'rus', 'bel', 'tur', 'jpn', 'kor', 'cmn',
  'heb', 'hin', 'arb', 'pes', 'tha', 'vie', 'ind', 'zlm', 'kat', 'hye', 'azj', 'kaz', 'uzn', 'cat', 'glg', 'afr', 'swh', 'tgl', 'ben', 'urd'];

const LETTER_LANG: ReadonlyArray<readonly [RegExp, string]> = [
  [/[łąęśźż]/iu, 'pl'], [/[řůě]/iu, 'cs'], [/[őű]/iu, 'hu'], [/[ėųį]/iu, 'lt'], [/[āēīūķļņģ]/iu, 'lv'],
  [/[ğşı]/u, 'tr'], [/õ.*ä|ä.*õ/iu, 'et'], [/ß/u, 'de'], [/[ґєї]/iu, 'uk'], [/[ыэъ]/iu, 'ru'],
];

export function detectLanguage(text: string): string | null {
  const sample = text.length > 110 ? text.slice(0, 110) : text;
  for (const [re, l] of SCRIPT_LANG) if (re.test(sample)) return l;
  const letters = sample.replace(/[^\p{L}]/gu, '');
  if (letters.length < 10) return null;
  // Short tips: franc is unreliable, but some letters are unambiguous.
  if (letters.length < 60) for (const [re, l] of LETTER_LANG) if (re.test(sample)) return l;
  const code = franc(sample, { minLength: 10, only: ONLY });
  if (code === 'und') return null;
  return ISO3_TO_1[code] || null;
}
