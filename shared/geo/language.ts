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

// Function words: when one language's frequent words clearly dominate the
// sample, franc (≈ 40% of classify() time) is not needed. Ambiguous samples
// (close languages, few hits, mixed text) still go to franc.
const FUNCTION_WORDS: Record<string, string> = {
  en: 'the and is was of to in that it with for this from have not are were my we you they at by on be has had would which his he she because an',
  de: 'der die das und ist ich nicht ein eine einem einen mit von zu auf dem den des sich auch wir sie war habe hat aus bei im in',
  fr: 'le la les et est un une des du dans pour pas que qui sur au avec ce cette je il nous mais été',
  es: 'el la los las y es un una del en que por con para no se lo su muy pero está fue esta',
  it: 'il lo la gli le e è un una del della di che per con non sono questo questa ho nel ma in',
  pt: 'o a os as e é um uma do da dos das em que com para não no na foi este esta eu',
  nl: 'de het een en is van dat niet op met voor zijn ik dit die te aan ook er was in',
  pl: 'i w z na się nie to jest że do jak ale od po ten ta tym był była',
  cs: 'a v se na je že to s z do jsem jako ale od po není byl byla tento tato',
  sk: 'a v sa na je že to s z do som ako ale od po nie bol bola tento táto',
  hu: 'a az és hogy nem egy is van volt ez meg de',
  fi: 'ja on ei se että oli tämä mutta kun myös ole olen hän joka jossa tai niin kuin vain sen sitä nämä',
  et: 'ja on ei see et oli mis kui ka aga ma',
  lv: 'un ir ar no uz par kas tas bija es',
  lt: 'ir yra su iš į kad tai buvo aš bet',
  ro: 'și este în un o de la cu nu pe că care din a fost',
  hr: 'i je u na se da za od su ali sam to ovo bio',
  sl: 'in je v na se da za od so ali sem to',
  sq: 'dhe në është një për nga me që i e',
  da: 'og er det en at i på til med ikke jeg har den af som var',
  sv: 'och är det en att i på till med inte jag har den av som var',
  nb: 'og er det en at i på til med ikke jeg har den av som var',
  tr: 've bir bu da de ile için çok ben değil',
  id: 'dan yang di ini itu dengan untuk dari tidak saya ada',
  ru: 'и в не на я что с это он как был по из но',
  uk: 'і в не на я що з це він як був та але',
  bg: 'и в не на аз че с това е за от се',
};
const FW_LANGS = Object.keys(FUNCTION_WORDS);
const FW_INDEX = new Map<string, number[]>();
FW_LANGS.forEach((l, i) => {
  for (const w of FUNCTION_WORDS[l]!.split(' ')) {
    const a = FW_INDEX.get(w);
    if (!a) FW_INDEX.set(w, [i]);
    else if (!a.includes(i)) a.push(i);
  }
});
const FW_COUNTS = new Int32Array(FW_LANGS.length);
const WORD_RE = /\p{L}+/gu;

/** Language whose function words clearly dominate (≥ 3 hits, ≥ 2× the runner-up), else null. */
export function functionWordLanguage(sample: string): string | null {
  FW_COUNTS.fill(0);
  const lower = sample.toLowerCase();
  WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(lower)) !== null) {
    const a = FW_INDEX.get(m[0]);
    if (a) for (const i of a) FW_COUNTS[i]!++;
  }
  let best = 0;
  let second = 0;
  let bi = -1;
  for (let i = 0; i < FW_COUNTS.length; i++) {
    const v = FW_COUNTS[i]!;
    if (v > best) {
      second = best;
      best = v;
      bi = i;
    } else if (v > second) second = v;
  }
  return best >= 3 && best >= 2 * second ? FW_LANGS[bi]! : null;
}

const NON_LETTER_RE = /[^\p{L}]/gu;

/** A sample with fewer letters is a short tip: trigrams are unreliable there. */
const SHORT_LETTERS = 60;

export function detectLanguage(text: string): string | null {
  const sample = text.length > 110 ? text.slice(0, 110) : text;
  for (const [re, l] of SCRIPT_LANG) if (re.test(sample)) return l;
  const letters = sample.replace(NON_LETTER_RE, '');
  if (letters.length < 10) return null;
  // Short tips: franc is unreliable, but some letters are unambiguous.
  if (letters.length < SHORT_LETTERS) for (const [re, l] of LETTER_LANG) if (re.test(sample)) return l;
  const quick = functionWordLanguage(sample);
  if (quick) return quick;
  const code = franc(sample, { minLength: 10, only: ONLY });
  if (code === 'und') return null;
  const lang = ISO3_TO_1[code] || null;
  // franc's trigrams read some Finnish and Nordic text as Italian or Spanish
  // ("Tällaisia tapetteja oli … Tampereella" → it); a letter the language does
  // not write says the guess is wrong, and no language is better than a wrong
  // one (it would switch off case-ending stripping).
  if (lang !== null && (FOREIGN_LETTERS[lang]?.test(sample) || foreignWords(lang, sample) >= 2)) return null;
  return lang;
}

/** Letters of Baltic, Slavic, Icelandic… alphabets that Western European languages never write. */
const EASTERN_LETTERS = /[þðėįųūčšžěůąęćńśźżľĺŕňťďāēīķļņģ]/iu;
const WESTERN = new Set(['en', 'it', 'es', 'fr', 'pt', 'ca', 'nl']);

/** Words with such letters: one is a foreign place name ("Łódź"), two or more a foreign text. */
function foreignWords(lang: string, sample: string): number {
  if (!WESTERN.has(lang)) return 0;
  let n = 0;
  for (const word of sample.split(/\s+/)) if (EASTERN_LETTERS.test(word)) n++;
  return n;
}

const NORDIC_BALTIC_SLAVIC = 'äöåøæõßłřőğ';
/** Letters a language never writes (loanwords aside), for the languages franc confuses most. */
const FOREIGN_LETTERS: Record<string, RegExp> = {
  en: new RegExp(`[${NORDIC_BALTIC_SLAVIC}]`, 'iu'),
  it: new RegExp(`[${NORDIC_BALTIC_SLAVIC}]`, 'iu'),
  es: new RegExp(`[${NORDIC_BALTIC_SLAVIC}]`, 'iu'),
  fr: new RegExp(`[${NORDIC_BALTIC_SLAVIC}]`, 'iu'),
  ro: new RegExp(`[${NORDIC_BALTIC_SLAVIC}]`, 'iu'),
  ca: new RegExp(`[${NORDIC_BALTIC_SLAVIC}]`, 'iu'),
  pt: /[äöåøæßłřőğ]/iu,
  nl: /[åøæõßłřőğ]/iu,
};

/**
 * Every language detectLanguage can answer, as ISO 639-1: franc-min's models
 * among the ones the classifier uses (ONLY), and the script, letter and
 * function-word rules. The public form offers exactly these as tip languages
 * (web/src/public/tip-languages.ts, checked against this by a unit test).
 */
export function detectableLanguages(francLanguages: ReadonlySet<string>): string[] {
  const codes = new Set<string>();
  for (const code of ONLY) if (francLanguages.has(code) && ISO3_TO_1[code]) codes.add(ISO3_TO_1[code]!);
  for (const [, code] of SCRIPT_LANG) codes.add(code);
  for (const [, code] of LETTER_LANG) codes.add(code);
  for (const code of FW_LANGS) codes.add(code);
  return [...codes].sort();
}
