/**
 * Word lists for distinctive-token extraction. Deliberately small and
 * generic (function words, politeness formulas, number words, negations,
 * common top-level domains); nothing here is specific to a data set.
 */

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

export { STOPWORDS } from '../text/stopwords.ts';
export { CLAIM_NEGATIONS as NEGATIONS } from '../text/negations.ts';
import { STOPWORDS } from '../text/stopwords.ts';
import { CLAIM_NEGATIONS as NEGATIONS } from '../text/negations.ts';

/**
 * Greetings, thanks and sign-offs. A leading or trailing clause made only
 * of these words and stopwords is dropped before comparing tips, so
 * "Hello! … Thanks." wraps do not hide a duplicate.
 */
export const BOILERPLATE = words(`
hello hi hey hiya dear greetings good morning afternoon evening day night
team all everyone everybody folks guys sir sirs madam madame mr mrs ms
police officer officers investigator investigators detective detectives authorities
thanks thank thankyou thx ty cheers many much lot lots so very kind kindly regards
best warm warmest sincerely yours faithfully respectfully wishes
hope hoping helps help helpful useful please pls plz luck bye goodbye
ok okay anyway yes well just wanted want say to for your all the this that it is
keep up great work job doing you
bonjour bonsoir salut merci beaucoup cordialement
hallo guten tag abend danke vielen viele liebe gruss grusse mfg lg
saludo saludos cordiales cordiali un muchas
met vriendelijke groet groeten groetjes mvh med vanliga halsningar hilsen
s pozdravem udvozlettel terveisin mvh
с уважением saygilarimla
καλησπερα καλημερα
hola buenos buenas dias tardes gracias saludos
ciao buongiorno buonasera grazie saluti
dzien dobry dziekuje pozdrawiam
dobry den dekuji
שלום רב תודה רבה בבקשה בהצלחה ובהצלחה
مرحبا شكرا جزيلا السلام عليكم
здравствуйте привет спасибо большое пожалуйста
γεια σας ευχαριστω πολυ
merhaba tesekkurler tesekkur ederim
नमस्ते धन्यवाद
こんにちは ありがとう ありがとうございます よろしくお願いします よろしくお願いいたします
你好 您好 谢谢 謝謝 感谢 感謝 谢谢你 非常感谢
สวัสดี สวัสดีครับ สวัสดีค่ะ ขอบคุณ ขอบคุณครับ ขอบคุณค่ะ
سلام ممنون متشکرم مرسی
안녕하세요 감사합니다
kind regards sent iphone ipad android phone mobile device galaxy samsung outlook
hej tack goeiedag bedankt groeten dank je
`);


/** Words that close a message before a name ("Mvh Lena", "Cheers, Tom"). */
export const SIGN_OFFS = words(`
regards mvh pozdravem pozdrawiam cordialement saludos grusse gruss groeten groetjes hilsen halsningar terveisin
cheers thanks thank thx danke merci gracias grazie obrigado obrigada dekuji dziekuje
`);

/** Colour characters of Chinese and Japanese (红色 / 蓝色, 赤 / 青): read from character runs like COLOURS. */
export const CJK_COLOURS = new Set(Array.from('红紅蓝藍绿綠黄黃白黑灰紫粉橙棕褐赤青緑黒茶金银銀'));

/**
 * Colours: a resubmission keeps them, another claim about the same object
 * often changes only them ("the maroon jumper" vs "the navy jumper").
 * Read as distinctive tokens like numbers. Base forms and the usual
 * gender/plural endings of the common European languages.
 */
export const COLOURS = words(`
red blue green yellow white black grey gray brown pink purple orange maroon navy beige teal turquoise
gold golden silver violet cream burgundy khaki olive lilac
rot rote roter rotes roten blau blaue blauer blaues blauen grun grune gruner grunes grunen gelb gelbe gelber gelbes
weiss weisse weisser weisses schwarz schwarze schwarzer schwarzes grau graue grauer braun braune brauner rosa lila
rouge rouges bleu bleue bleus bleues vert verte verts vertes jaune jaunes blanc blanche blancs blanches noir noire noirs noires gris grise marron
rojo roja rojos rojas azul azules verde verdes amarillo amarilla blanco blanca blancos blancas negro negra negros negras morado morada
rosso rossa rossi rosse blu giallo gialla bianco bianca bianchi nero nera neri grigio grigia marrone viola
vermelho vermelha azul amarelo amarela branco branca preto preta cinza
rood roze blauw groen geel wit zwart bruin paars oranje
czerwony czerwona czerwone niebieski niebieska zielony zielona zolty zolta bialy biala czarny czarna szary szara
красный красная синий синяя зеленый зеленая желтый желтая белый белая черный черная серый серая
`);

/** Number words, canonicalised to digits so "two" and "2" match and differ from "3". */
export const NUMBER_WORDS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const units =
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'.split(
      ' ',
    );
  // "one" is left out: far more often a pronoun ("I brought one home") than a count; "two" still differs from it.
  units.forEach((w, i) => {
    if (w !== 'one') m.set(w, String(i));
  });
  'thirty forty fifty sixty seventy eighty ninety'.split(' ').forEach((w, i) => m.set(w, String(30 + 10 * i)));
  m.set('hundred', '100');
  m.set('thousand', '1000');
  m.set('million', '1000000');
  m.set('dozen', '12');
  'first second third fourth fifth sixth seventh eighth ninth tenth'.split(' ').forEach((w, i) => m.set(w, `${i + 1}th`));
  return m;
})();

/**
 * Top-level domains accepted for a bare host name ("example.pl"); with a
 * scheme or `www.` any alphabetic TLD is accepted. Keeps "kitchen.thanks"
 * (a missing space) from being read as a web address.
 */
export const TLDS = words(`
com net org info biz edu gov int mil io co me tv eu app dev shop online site store
ad ae al am ar at au az ba be bg by ca ch cl cn cy cz de dk ee es fi fr ge gr hk hr hu ie il in is it jp kr kz
li lt lu lv ma md mk mt mx nl no nz pe ph pk pl pt ro rs ru se si sk sm tr tw ua uk us uy uz vn za
`);

// ---- Data files (shared/dedupe/data/, built by `npm run build:dedupe` or compiled by hand; each names its source) ----
import calendar from './data/calendar.json' with { type: 'json' };
import closings from './data/closings.json' with { type: 'json' };
import currencies from './data/currencies.json' with { type: 'json' };
import fillers from './data/fillers.json' with { type: 'json' };
import tracking from './data/tracking-params.json' with { type: 'json' };
import numberSymbols from './data/number-symbols.json' with { type: 'json' };
import magnitudes from './data/magnitudes.json' with { type: 'json' };
import callingCodes from './data/calling-codes.json' with { type: 'json' };
import { foldCase as fold, type Script } from '../text/normalise.ts';

const CYRILLIC_LANGS = new Set(['ru', 'uk', 'bg', 'be', 'sr', 'mk', 'kk']);
const scriptOf = (lang: string): Script => (CYRILLIC_LANGS.has(lang) ? 'cyrillic' : lang === 'el' ? 'greek' : 'latin');
const splitWords = (folded: string): string[] => folded.replace(/['’]/g, '').split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
/**
 * A phrase's words folded as a tip in any script folds them: a tip is folded with its own script's
 * homoglyph map, so a Russian sign-off under an English tip reads "C yBaжeHием", a German greeting on
 * a Russian tip "Guтen Tag".
 */
const SCRIPTS: readonly Script[] = ['latin', 'cyrillic', 'greek'];
const phraseWords = (phrase: string, _lang: string): string[] => [...new Set(SCRIPTS.flatMap((script) => splitWords(fold(phrase, script))))];

/** Greeting, thanks and sign-off words of every language in closings.json, with the lexicon's own. */
export const CLOSING_WORDS: ReadonlySet<string> = (() => {
  const s = new Set<string>(BOILERPLATE);
  for (const [lang, c] of Object.entries(closings.languages)) {
    for (const phrase of [...c.greetings, ...c.thanks, ...c.signoffs]) for (const w of phraseWords(phrase, lang)) s.add(w);
    // Whole phrases too: a greeting in a script without spaces is one run ("こんにちは").
    for (const phrase of [...c.greetings, ...c.thanks, ...c.signoffs]) {
      for (const script of SCRIPTS) s.add(fold(phrase, script).replace(/\s+/g, ''));
    }
  }
  return s;
})();

/**
 * Hedges of every language in closings.json ("I think", "vielleicht", "может быть"): dropped like
 * function words wherever they stand. Only the hedge's own words are taken, less the pronouns and
 * function words STOPWORDS already drops, so "think" goes but nothing that names a thing.
 */
export const HEDGES: ReadonlySet<string> = (() => {
  const s = new Set<string>();
  for (const [lang, list] of Object.entries(closings.hedges)) for (const phrase of list) for (const w of phraseWords(phrase, lang)) if (!NEGATIONS.has(w)) s.add(w);
  return s;
})();

/**
 * Hedges written without spaces ("我觉得", "如果我没记错的话", "ถ้าจำไม่ผิด"), folded for every script, longest
 * first: analyse.ts cuts them out of the character run they stand in (a negation inside one negates nothing).
 */
export const RUN_HEDGES: readonly string[] = (() => {
  const s = new Set<string>();
  const run = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{M}ー]+$/u;
  for (const list of Object.values(closings.hedges)) {
    for (const phrase of list) for (const script of SCRIPTS) {
      // NFKC as tip text gets it in prepare() (Thai ำ splits into ํ + า).
      const f = fold(phrase.normalize('NFKC'), script).replace(/\s+/g, '');
      if (run.test(f)) s.add(f);
    }
  }
  return [...s].sort((a, b) => b.length - a.length);
})();

/** Words of the greetings of every language in closings.json only ("guten", "tag", "hello", "dear"). */
export const GREETING_WORDS: ReadonlySet<string> = (() => {
  const s = new Set<string>();
  for (const [lang, c] of Object.entries(closings.languages)) for (const phrase of c.greetings) for (const w of phraseWords(phrase, lang)) s.add(w);
  return s;
})();

/** Words that close a tip and take the name after them: each sign-off's last word, and single-word thanks. */
export const CLOSING_SIGN_OFFS: ReadonlySet<string> = (() => {
  const s = new Set<string>(SIGN_OFFS);
  for (const [lang, c] of Object.entries(closings.languages)) {
    for (const phrase of c.signoffs) {
      for (const script of SCRIPTS) {
        const w = splitWords(fold(phrase, script));
      // Four letters and up: "day", "den", "tag" after a name would eat a place ("…, Den Haag").
        if (w.length > 0 && Array.from(w.at(-1)!).length >= 4) s.add(w.at(-1)!);
      }
    }
    for (const phrase of c.thanks) {
      const w = phraseWords(phrase, lang);
      if (w.length === 1 && Array.from(w[0]!).length >= 3) s.add(w[0]!);
    }
  }
  return s;
})();

/**
 * Fillers: function words of every language stopwords-iso lists ("I think", "vielleicht", "naprawdę").
 * Weaker than STOPWORDS: they are kept as words, but an added or dropped filler never counts against a
 * pair, and never makes an addition distinctive (see similarity.ts).
 */
export const FILLERS: ReadonlySet<string> = (() => {
  const s = new Set<string>(STOPWORDS);
  for (const w of fillers.words.split(' ')) if (w) s.add(w);
  return s;
})();

/** Month names → month number, weekday names → day number (Intl data): dates are distinctive. */
export const MONTHS: ReadonlyMap<string, number> = new Map(Object.entries(calendar.months));
export const WEEKDAYS: ReadonlyMap<string, number> = new Map(Object.entries(calendar.weekdays));
/**
 * CLDR gives a weekday in its nominative; tips decline it ("u nedjelju", "в субботу", "sonntags"). A
 * name of six letters or more matches a word that keeps all but its last letter and is at most two
 * letters longer than it: the name's stem and a case ending.
 */
const WEEKDAY_MIN = 6;
const WEEKDAY_STEMS: ReadonlyMap<string, { day: number; length: number }> = (() => {
  const m = new Map<string, { day: number; length: number }>();
  for (const [name, day] of WEEKDAYS) {
    const chars = Array.from(name);
    if (chars.length >= WEEKDAY_MIN) m.set(chars.slice(0, -1).join(''), { day, length: chars.length });
  }
  return m;
})();

/** The weekday a folded word names, in any case form (see WEEKDAY_STEMS), or undefined. */
export function weekdayOf(word: string): number | undefined {
  const exact = WEEKDAYS.get(word);
  if (exact !== undefined) return exact;
  const chars = Array.from(word);
  for (let cut = chars.length - 1; cut >= chars.length - 3 && cut >= WEEKDAY_MIN - 1; cut--) {
    const hit = WEEKDAY_STEMS.get(chars.slice(0, cut).join(''));
    if (hit && chars.length >= hit.length && chars.length <= hit.length + 2) return hit.day;
  }
  return undefined;
}

/** Currency class (its narrow symbol) by ISO code, symbol and name word. */
export const CURRENCY_CODES: ReadonlyMap<string, string> = new Map(Object.entries(currencies.codes));
/** Symbols as written and as the tip's text folds them ("zł" → "zl", "₺", "kr."). */
export const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>(Object.entries(currencies.symbols));
  // A class written in letters is a symbol too ("zł", "kr", "Kč", "Ft"), from two letters up.
  for (const cls of Object.values(currencies.codes)) if (Array.from(cls).length >= 2 && !/^[A-Z]{3}$/.test(cls) && !m.has(cls)) m.set(cls, cls);
  for (const [sym, cls] of [...m]) {
    const f = fold(sym);
    if (!m.has(f)) m.set(f, cls);
  }
  return m;
})();
export const CURRENCY_NAMES: ReadonlyMap<string, string> = new Map(Object.entries(currencies.names));

/** Tracking parameters of web addresses (tidy-url's rules): never part of what an address means. */
export const TRACKING = {
  global: new Set(tracking.global.map((p) => p.toLowerCase())),
  prefixes: tracking.prefixes,
  common: new Set(tracking.common.map((p) => p.toLowerCase())),
  sites: tracking.sites.map((s) => ({ host: new RegExp(s.host, 'i'), params: new Set(s.params.map((p) => p.toLowerCase())) })),
};

/**
 * Number marks of every CLDR locale beyond "." and "," (which the number reader takes as either):
 * `decimal`, the marks that are only ever a decimal mark ("٫" of Arabic-Indic digits); `group`, the
 * marks that are only ever a group mark and not whitespace ("٬", "'", "،", "⹁"; whitespace already
 * separates digit groups).
 */
export const NUMBER_MARKS: { readonly decimal: string; readonly group: string } = (() => {
  const plain = (m: string): boolean => m !== '.' && m !== ',' && !/^\s+$/u.test(m);
  return {
    decimal: numberSymbols.decimal.filter((m) => plain(m) && !numberSymbols.group.includes(m)).join(''),
    group: numberSymbols.group.filter((m) => plain(m) && !numberSymbols.decimal.includes(m)).join(''),
  };
})();

/**
 * Compact number words (CLDR): the power of ten each multiplies the number before it by ("640 rb",
 * "720 هزار", "4만"), keyed as a tip in any script folds them (the builder votes on those forms).
 */
export const MAGNITUDES: ReadonlyMap<string, number> = new Map(Object.entries(magnitudes.words as Record<string, number>));

/** Country calling code → the national (trunk) prefixes its countries dial instead (libphonenumber). */
export const CALLING_CODES: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(callingCodes.codes as Record<string, string[]>));
