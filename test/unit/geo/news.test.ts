import { describe, it, expect } from 'vitest';
import { classify, fold, foldKey } from '#shared/geo/index.ts';
import { functionWordLanguage } from '#shared/geo/language.ts';
import { lookup, nearNames } from '#shared/geo/gazetteer.ts';

describe('geo: news-style mechanisms', () => {
  it('does not read an English word or given name as a misspelt country ("Francis", "Islands")', () => {
    // Prepare / Act
    const given = nearNames('francis');
    const plural = nearNames('islands');
    const typo = nearNames('edinbrugh');
    // Assess: dictionary words are no typos; a real misspelling still finds its city
    expect(given).toEqual([]);
    expect(plural).toEqual([]);
    expect(typo).toEqual(['edinburgh']);
  });

  it('has no gazetteer key made of a place\'s own name and a head noun ("Dublin city")', () => {
    // Prepare: GeoNames lists "Dublin city" among Dublin's alternate names; Dublin, Ohio shares
    // the name, so "Dublin City Council" must read as Dublin, not as an Irish-only key
    // Act
    const withHead = lookup(foldKey('Dublin City'));
    const name = lookup(foldKey('Dublin'));
    // Assess
    expect(withHead).toBeUndefined();
    expect(name?.some((e) => e.cc === 'US')).toBe(true);
  });

  it('treats a name followed or preceded by a reporting verb as a person, and propagates it', () => {
    // Prepare: "Palma" is a large Spanish city, here a spokesperson; Winnipeg is the place.
    const text = 'The shelter in Winnipeg will stay open all winter, Palma said. Volunteers are still needed, said Palma.';
    // Act
    const r = classify(text);
    // Assess
    expect(r.country).toBe('CA');
    expect(r.candidates.some((c) => c.country === 'ES')).toBe(false);
  });

  it('prefers the demonym over a small town of the same spelling', () => {
    // Prepare / Act: "Canadian" is also a small town in Texas.
    const r = classify('She became the first Canadian to win the race twice.');
    // Assess
    expect(r.country).toBe('CA');
    expect(r.candidates[0]!.evidence[0]!.kind).toBe('demonym');
  });

  it('ignores generic nouns that happen to be village names', () => {
    // Prepare / Act: "Street", "University", "Police" are villages somewhere.
    const r = classify('Officers from the Police department closed the Street near the University for hours.');
    // Assess
    expect(r.country).toBeNull();
  });

  it('reads "North America" as a continent, not the United States', () => {
    // Prepare / Act
    const r = classify('Saskatchewan has the highest grain yields in North America this year.');
    // Assess
    expect(r.country).toBe('CA');
  });

  it('recognises "X County" as a US administrative unit', () => {
    // Prepare / Act
    const r = classify('Deputies from the Pike County Sheriff’s Office searched the river banks overnight.');
    // Assess: the only candidate, on that evidence; whether it is routed depends on the calibrated
    // confidence of a lone county name (near the threshold, 0.44–0.49 across retrainings).
    expect(r.candidates.map((c) => c.country)).toEqual(['US']);
    expect(r.candidates[0]!.evidence.some((e) => e.text === 'Pike County')).toBe(true);
  });

  it('is less confident when one ambiguous name with a large namesake decides than when a second name backs it', () => {
    // Prepare / Act: London (GB) vs London, Ontario (≈ 400k). The confidence is a calibrated
    // probability now, so the test asserts the ordering, not the old hand-set cap of 0.49.
    const alone = classify('The council in London approved the new bus lanes on Tuesday.');
    const backed = classify('The council in London approved the new bus lanes, the mayor of Manchester said England needs more.');
    // Assess
    expect(alone.country).toBe('GB');
    expect(backed.country).toBe('GB');
    expect(alone.confidence).toBeLessThan(backed.confidence);
  });

  it('stays confident when the ambiguous name is backed by an unambiguous one', () => {
    // Prepare / Act
    const r = classify('The council in London approved the new bus lanes, the mayor of Manchester said England needs more.');
    // Assess
    expect(r.country).toBe('GB');
    expect(r.confidence).toBeGreaterThanOrEqual(0.5);
  });
});

describe('geo: Devanagari spelling variants', () => {
  it('folds nasal+virama, chandrabindu and nukta variants together', () => {
    // Prepare / Act / Assess
    expect(fold('मुम्बई')).toBe(fold('मुंबई'));
    expect(fold('दिल्ली')).toBe(fold('दिल्ली'));
    expect(fold('फ़ोन')).toBe(fold('फोन'));
    expect(foldKey('नई दिल्ली')).toBe('नई दिल्ली');
  });

  it('matches a Hindi city name written either way', () => {
    // Prepare / Act
    const a = classify('यह थैला मुम्बई के बाज़ार से खरीदा था।');
    const b = classify('यह थैला मुंबई के बाज़ार से खरीदा था।');
    // Assess
    expect(a.country).toBe('IN');
    expect(b.country).toBe('IN');
  });
});

describe('geo: function-word language shortcut', () => {
  it('recognises clear samples without franc and defers on mixed or short ones', () => {
    // Prepare / Act / Assess
    expect(functionWordLanguage('We found the mug at a market and it was in a box with the label torn off.')).toBe('en');
    expect(functionWordLanguage('Wir haben die Tasse auf dem Markt gekauft und sie ist nicht beschriftet.')).toBe('de');
    // Close languages share function words (pl/sk "na", "nie", "to"): franc decides.
    const pl = 'Znaleźliśmy ten kubek na targu i nie ma na nim etykiety, to jest dziwne.';
    expect(functionWordLanguage(pl)).toBeNull();
    expect(classify(pl).language).toBe('pl');
    expect(functionWordLanguage('Tasse, Markt, Etikett.')).toBeNull();
    expect(classify('Ich habe diese Tasse in einem kleinen Laden in Graz gekauft.').language).toBe('de');
  });
});
