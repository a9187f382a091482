/**
 * Historical print read by OCR (German and French newspapers, 1850–1950): long s, ligatures,
 * words broken at a line end, datelines ("Danzig, 14. März."), historical exonyms, OCR
 * confusions. Each mechanism must leave modern tips as they were.
 */
import { describe, expect, it } from 'vitest';
import { classify, fold, foldKey } from '#shared/geo/index.ts';
import { tokenize } from '#shared/text/index.ts';

describe('historical typography in the shared fold', () => {
  it('folds long s and the Latin ligatures to their plain letters', () => {
    // Prepare
    const written = ['Weichſel', 'geﬅern', 'ﬂau', 'empﬁng', 'Kaﬀee', 'Oﬃzier', 'ﬆill'];
    // Act
    const folded = written.map(fold);
    // Assess
    expect(folded).toEqual(['weichsel', 'gestern', 'flau', 'empfing', 'kaffee', 'offizier', 'still']);
    expect(foldKey('Helſingfors')).toBe(foldKey('Helsingfors'));
  });

  it('joins a word broken by a hyphen at a line end before a lower-case letter, keeping the span', () => {
    // Prepare
    const src = 'Hafen von Neufahr-\nwaſſer und Baden-\nWürttemberg';
    // Act
    const toks = tokenize(src);
    // Assess: one token for the broken word, its text still the slice; a capital after the break is a compound.
    expect(toks.map((t) => t.folded)).toEqual(['hafen', 'von', 'neufahrwasser', 'und', 'baden', 'wurttemberg']);
    const joined = toks[2]!;
    expect(src.slice(joined.start, joined.end)).toBe(joined.text);
    expect(joined.text).toBe('Neufahr-\nwaſſer');
  });

  it('finds a city written with long s or broken across a line', () => {
    // Prepare / Act
    const broken = classify('Die Ausſtellung wurde geſtern in Ham-\nburg eröffnet.');
    // Assess
    expect(broken.country).toBe('DE');
    const evidence = broken.candidates[0]!.evidence.find((e) => e.kind === 'place')!;
    expect('Die Ausſtellung wurde geſtern in Ham-\nburg eröffnet.'.slice(evidence.start, evidence.end)).toBe(evidence.text);
  });
});
