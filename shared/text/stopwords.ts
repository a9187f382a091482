/** English function words, folded (shared/text/normalise.ts `foldCase`); other languages' come from stopwords-iso (shared/dedupe/data/fillers.json). */
const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

/**
 * Function words that never decide whether two tips make the same claim.
 * Negations, number words and spatial prepositions (near, north…) are NOT
 * here: they change a claim.
 */
export const STOPWORDS: ReadonlySet<string> = words(`
a an the this that these those some any each every such same other another
i me my mine myself we us our ours you your yours he him his she her hers it its they them their theirs
one's oneself who whom whose which what when where why how whether
is am are was were be been being do does did doing done have has had having
will would shall should can could may might must
and or but so if then than because as while though although also too either
of in on at to for from with by about into onto over under up down out off
just very really quite rather pretty maybe perhaps probably
here there s t d ll m re ve y o
`);

