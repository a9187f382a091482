import type { EvidenceKind } from './schema.ts';

/** One piece of located evidence before scoring. */
export interface Mention {
  kind: EvidenceKind;
  start: number;
  end: number;
  text: string;
  /** Unnormalised prior weight per country (population, pseudo-population or curated share). */
  prior: Map<string, number>;
  /** If true, prior is a fixed split (currency, chain) and coherence must not reshape it. */
  fixed: boolean;
  /** Evidence strength before context multipliers. */
  weight: number;
  /** Context multiplier (capitalisation, prepositions, style idioms, …). */
  mult: number;
  /** Index range of the tokens covered (−1 when not token-based). */
  tokStart: number;
  tokEnd: number;
  /** Common word / given name: not decisive without support. */
  needsSupport: boolean;
  negated: boolean;
  madeIn: boolean;
  demoted: boolean;
  /** Seen in a person context (title, reporting verb, given/family name next to it): coherence must not revive it. */
  person: boolean;
  /**
   * Context cues found by the engine, kept as flags for the learned scorer rather than as
   * hand-set multipliers: a guess taken back ("Thailand but no"), where the tipster is or
   * writes from, an idiom or product name ("Panama hat", "FC Barcelona"), a demonym used as a
   * style ("Turkish blue"), a tip that says the object is sold everywhere.
   */
  retracted: boolean;
  selfLocation: boolean;
  idiom: boolean;
  style: boolean;
  generic: boolean;
  /** For a mention that needs support: the share of the rest of the text backing its countries (0..1). */
  support: number;
  /** The name is an ordinary word (stopwords-iso) in the tip's language ("lima" in Indonesian): not decisive alone. */
  commonWord: boolean;
  /** The name opens a dateline ("WASHINGTON (AP) —", "Danzig, 14. März."): the report's own place. */
  dateline: boolean;
  /** Joined to places of other countries by a list connector ("Canada or Australia"): see coordination.ts. */
  coordinated: 'or' | 'and' | null;
  /** Read through an OCR confusion ("Lernberg" as Lemberg): the text did not spell the name. */
  corrected: boolean;
  /**
   * Read as the name its first letters spell, with an ending the case-ending rules do not know
   * ("Павлодардағы", "Namangandagi"): a guess at a stem, weighed by the scorer on its own.
   */
  stem: boolean;
}

export function mention(
  kind: EvidenceKind,
  src: string,
  start: number,
  end: number,
  prior: Record<string, number> | Map<string, number>,
  weight: number,
  opts: Partial<Pick<Mention, 'fixed' | 'tokStart' | 'tokEnd' | 'needsSupport' | 'mult'>> = {},
): Mention {
  return {
    kind,
    start,
    end,
    text: src.slice(start, end),
    prior: prior instanceof Map ? prior : new Map(Object.entries(prior)),
    fixed: opts.fixed ?? true,
    weight,
    mult: opts.mult ?? 1,
    tokStart: opts.tokStart ?? -1,
    tokEnd: opts.tokEnd ?? -1,
    needsSupport: opts.needsSupport ?? false,
    negated: false,
    madeIn: false,
    demoted: false,
    person: false,
    retracted: false,
    selfLocation: false,
    idiom: false,
    style: false,
    generic: false,
    support: 0,
    commonWord: false,
    dateline: false,
    corrected: false,
    stem: false,
    coordinated: null,
  };
}
