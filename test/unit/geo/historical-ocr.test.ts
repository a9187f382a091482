/**
 * Historical print read by OCR (German and French newspapers, 1850–1950): long s, ligatures,
 * words broken at a line end, datelines ("Danzig, 14. März."), historical exonyms, OCR
 * confusions. Each mechanism must leave modern tips as they were.
 */
import { describe, expect, it } from 'vitest';
import { classify, fold, foldKey } from '#shared/geo/index.ts';
import { tokenize } from '#shared/text/index.ts';
import { analyse } from '#shared/geo/analyse.ts';
import { lookup } from '#shared/geo/gazetteer.ts';

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

describe('datelines: a place, a comma and a date at the start of a line', () => {
  it('reads the place of a German or French dateline as the report\'s place', () => {
    // Prepare: historical exonyms (Ljubljana, Mainz) that alone would need support, and a
    // German noun that is also a village (Bau, PH).
    const german = 'Laibach, 4. April. Der Landtag hat geſtern den Bau einer neuen Bahn beſchloſſen.';
    const french = 'Mayence, 3 juin. — Le conseil municipal a voté hier les crédits pour le nouveau pont.';
    // Act
    const de = classify(german);
    const fr = classify(french);
    // Assess
    expect(de.country).toBe('SI');
    expect(fr.country).toBe('DE');
    expect(fr.confidence).toBeGreaterThan(0.8);
  });

  it('flags only a dateline shape: a place, a comma, a day and a month at the very start', () => {
    // Prepare
    const flagged = (text: string) => analyse(text).mentions.filter((m) => m.dateline).map((m) => m.text);
    // Act / Assess
    expect(flagged('Laibach, 4. April. Der Landtag tagte.')).toEqual(['Laibach']);
    expect(flagged('Mayence, 3 juin. — Le conseil a voté.')).toEqual(['Mayence']);
    expect(flagged('Paris, 2 ans plus tard, je l\'ai revu.')).toEqual([]);
    expect(flagged('Berlin, 3 Tage später kam das Paket.')).toEqual([]);
    expect(flagged('Das Paket kam aus Laibach, 4. April.')).toEqual([]);
  });
});

describe('modern tips are not read as OCR', () => {
  it('keeps the answers of modern tips in French, German and English', () => {
    // Prepare: tips whose words an OCR correction could turn into places ("Merci" → "Merei").
    const tips: Array<[string, string | null]> = [
      ['Merci (encore) pour votre travail, je pense que ce sac vient de Lyon.', 'FR'],
      ['Merci beaucoup, je ne sais pas du tout d\'où vient cet objet.', null],
      ['Danke! Die Tasche habe ich in einem Laden in Graz gesehen.', 'AT'],
      ['Thanks, the pattern looks like the curtains my gran had in Leeds.', 'GB'],
      ['Paris, 2 ans plus tard, je l\'ai revu dans une brocante à Bordeaux.', 'FR'],
    ];
    // Act
    const got = tips.map(([t]) => classify(t).country);
    // Assess
    expect(got).toEqual(tips.map(([, c]) => c));
  });
});

describe('historical and foreign names of towns (GeoNames alternate names)', () => {
  it('knows the exonyms of towns of 15k–100k inhabitants, never as an ordinary word', () => {
    // Prepare: Liepāja (LV, 85k), Haderslev (DK, 21k), Zweibrücken (DE, 35k), Chernyakhovsk (RU, 45k);
    // GeoNames lists Libau, Hadersleben, Deux-Ponts, Insterburg among their alternate names.
    const names: Array<[string, string]> = [['libau', 'LV'], ['hadersleben', 'DK'], ['deux ponts', 'DE'], ['insterburg', 'RU']];
    // Act
    const found = names.map(([key]) => (lookup(key) ?? []).map((e) => e.cc));
    // Assess
    names.forEach(([, cc], i) => expect(found[i]).toContain(cc));
    // A romanisation with an apostrophe or a case form of the own name is no exonym; nor is a common word.
    expect(lookup("mal'bork") ?? lookup('malborkas') ?? null).toBeNull();
  });

  it('knows a multi-word alternate name without its article, never a phrase of common words', () => {
    // Prepare: GeoNames lists "La Nouvelle-Orléans" for New Orleans and "The City of Angels" for Bangkok.
    // Act
    const orleans = (lookup('nouvelle orleans') ?? []).map((e) => e.cc);
    const angels = (lookup('city of angels') ?? []).map((e) => e.cc);
    // Assess
    expect(orleans).toContain('US');
    expect(angels).not.toContain('TH');
  });

  it('drops a trailing note from an alternate name ("Christiania (historical)")', () => {
    // Prepare / Act
    const oslo = lookup('christiania');
    // Assess
    expect((oslo ?? []).map((e) => e.cc)).toContain('NO');
  });
});

describe('OCR confusions, tried only for unknown capitalised words in text that looks like OCR', () => {
  it('reads a town name with a classic OCR confusion in a dateline', () => {
    // Prepare: long s read as f (Dresden), rn read for m (Bromberg = Bydgoszcz), li read for h (Laibach).
    const texts: Array<[string, string]> = [
      ['Drefden, 3. Mai. Die Ausſtellung wurde geſtern eröffnet.', 'DE'],
      ['Brornberg, 2. Juni. Der Magiſtrat hat beſchloſſen, die Brücke zu erneuern.', 'PL'],
      ['Laibacli, 4. April. Der Landtag hat die Vorlage angenommen.', 'SI'],
    ];
    // Act
    const got = texts.map(([t]) => classify(t));
    // Assess
    expect(got.map((r) => r.country)).toEqual(texts.map(([, c]) => c));
    const first = got[0]!.candidates[0]!.evidence.find((e) => e.kind === 'place')!;
    expect(first.text).toBe('Drefden');
  });

  it('never corrects a word in modern text', () => {
    // Prepare: the same misread names with no sign of print (no long s, ligature, broken line or dateline).
    const modern = ['Drefden is what the label says, no idea.', 'Merci (encore) pour votre aide, aucune idée.', 'Brornberg was written on the box.'];
    // Act
    const got = modern.map((t) => analyse(t).mentions.filter((m) => m.corrected).map((m) => m.text));
    const printed = analyse('Drefden, 3. Mai. Die Ausſtellung wurde geſtern eröffnet.').mentions.filter((m) => m.corrected).map((m) => m.text);
    // Assess
    expect(got).toEqual([[], [], []]);
    expect(printed).toEqual(['Drefden']);
  });
});

describe('print conventions', () => {
  it('reads a misread name away from a dateline only after a locative preposition', () => {
    // Prepare: German capitalises every noun, so a capital alone is no name position.
    const corrected = (text: string) => analyse(text).mentions.filter((m) => m.corrected).map((m) => m.text);
    // Act / Assess
    expect(corrected('Der Dampfer iſt geſtern nach Drefden abgegangen.')).toEqual(['Drefden']);
    expect(corrected('Der Dampfer Drefden iſt geſtern eingelaufen.')).toEqual([]);
  });

  it('takes no lower-case word of printed text for a misspelt city or a currency', () => {
    // Prepare: French "a" (has) folds like the preposition "à"; "détruit" is one edit from Detroit, "levé" names the lev.
    const text = 'Lyon, 3 mai. — La tempête a détruit le pont; le préfet a levé la séance.';
    // Act
    const r = classify(text);
    // Assess
    expect(r.country).toBe('FR');
    expect(r.candidates.map((c) => c.country)).toEqual(['FR']);
  });
});

describe('print capitalises every noun', () => {
  it('takes no capitalised noun of printed text for a misspelt name', () => {
    // Prepare: "Burzenlande" (a Transylvanian district) is two edits from Burgenland (AT).
    const text = 'Kronſtadt, 6. Aug. Die Bauern aller Burzenlande klagen über die Dürre.';
    // Act
    const names = analyse(text).mentions.map((m) => m.text);
    // Assess
    expect(names).not.toContain('Burzenlande');
  });
});

describe('German place qualifiers', () => {
  it('reads "Frankfurt a. M." or "Halle a. S." opening a report as a dateline', () => {
    // Prepare
    const flagged = (text: string) => analyse(text).mentions.filter((m) => m.dateline).map((m) => m.text);
    // Act / Assess
    expect(flagged('Halle a. S. Die Univerſität feierte geſtern ihr Jubiläum.')).toEqual(['Halle']);
    expect(flagged('Wir fuhren nach Halle a. S. und weiter.')).toEqual([]);
    expect(classify('Halle a. S. Die Univerſität feierte geſtern ihr Jubiläum.').country).toBe('DE');
  });
});

describe('headlines in capitals', () => {
  it('does not read an ordinary word inside a line of capitals as a country acronym', () => {
    // Prepare: "DU" is French "of the" and, in Welsh, the United Kingdom (Y Deyrnas Unedig).
    const text = 'GRANDE VENTE DU PRINTEMPS — dans tous les magasins de la ville.';
    // Act
    const r = classify(text);
    // Assess
    expect(r.candidates.map((c) => c.country)).not.toContain('GB');
    expect(classify('I think it is from the UK or the US, not sure.').candidates.map((c) => c.country).sort()).toEqual(['GB', 'US']);
  });
});
