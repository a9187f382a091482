/**
 * Negation words, in the folded form each stage matches against (lower case,
 * no diacritics, apostrophes dropped: "don't" → "dont"). Hand-curated from
 * each language's grammar; nothing here comes from a test set.
 *
 * Two lists, because the stages ask different questions. The classifier
 * reads a negation as "the place right after it (within 2 tokens) is not the
 * answer"; the deduplicator binds a negation to what it negates, so any word
 * that turns a claim around counts ("without", "nothing", "nobody"). Their
 * union, tried for both, changed the deduplicator's figures (eval:dedupe,
 * dedupe-gen2 recall 0.878 → 0.875), so each keeps its list, defined here once.
 */
const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

/** The classifier's negations (shared/geo/analyse.ts): a place within 2 tokens after one is negated. */
export const PLACE_NEGATIONS: ReadonlySet<string> = words(`
  not isnt wasnt arent never nope wont dont doesnt didnt cant couldnt wouldnt hasnt havent werent
  nicht kein keine keinen nie niemals
  non pas jamais
  no nunca tampoco
  nao nem
  niet geen nooit
  inte ikke ej aldrig
  ei eika
  nie
  ne neni nejsou nebyl nebyla nebylo nikdy nem nije nisu nema није нису
  не ни нет
  δεν οχι
  degil
`);

/** The deduplicator's negations (shared/dedupe/analyse.ts): a tip with "not" makes a different claim from one without. */
export const CLAIM_NEGATIONS: ReadonlySet<string> = words(`
  no not never none nobody nothing nowhere neither nor without cannot
  dont doesnt didnt isnt wasnt arent werent cant couldnt wont wouldnt
  shouldnt hasnt havent hadnt aint mustnt neednt
  pas jamais aucun aucune
  nicht kein keine keinen keinem keiner niemals
  niet geen nooit
  non
  nunca tampoco ningun ninguna
  nao nem
  nie nigdy
  neni nejsou nikdy
  soha
  ei
  inte ej aldrig ikke aldri
  degil yok
  не нет никогда
  δεν οχι
  לא אין
  لا لیس لیست لم لن
  नहीं
  نه نیست
`);

/**
 * Negations of scripts written without spaces (Chinese, Thai), which are not words there but the
 * start of a run ("不是上海的", "ไม่ใช่ของภูเก็ต"). Hand-curated from each language's grammar: Chinese
 * 不/不是 (is not), 没/沒/没有/沒有 (has not), 非 (is not, literary), 未 (not yet); Thai ไม่ (not),
 * ไม่ใช่ (is not). Longest first, so the scope starts after the whole negation.
 */
export const RUN_NEGATIONS: readonly string[] = ['沒有', '没有', '不是', '不', '没', '沒', '非', '未', 'ไม่ใช่', 'ไม่'].map((m) => m.normalize('NFKC')).sort((a, b) => b.length - a.length);
