import { describe, it, expect } from 'vitest';
import { classify } from '#shared/geo/index.ts';

describe('geo ambiguity and meaning-changing cues', () => {
  it('resolves a city by its state/province qualifier', () => {
    // Prepare / Act
    const tx = classify('We bought it at a garage sale in Paris, Texas.');
    const on = classify('Same lamp as in my cousin’s house in London, Ontario.');
    const ar = classify('I saw it in a market in Córdoba, Argentina.');
    // Assess
    expect(tx.country).toBe('US');
    expect(on.country).toBe('CA');
    expect(ar.country).toBe('AR');
  });

  it('defaults an ambiguous city to its most populous namesake', () => {
    // Prepare / Act
    const r = classify('The mug is from a café in Paris.');
    // Assess
    expect(r.country).toBe('FR');
  });

  it.each([
    ['Newcastle', 'GB'], // Newcastle upon Tyne (192k, 46 alternate names) over Newcastle ZA (405k, 2)
    ['Cambridge', 'GB'],
    ['Plymouth', 'GB'],
    ['Birmingham', 'GB'],
  ])('prefers the namesake the world writes about: %s → %s', (name, cc) => {
    // Prepare / Act
    const r = classify(`I am sure I saw this exact towel in a shop in ${name}.`);
    // Assess
    expect(r.country).toBe(cc);
  });

  it('uses surrounding places to choose Georgia the state or the country', () => {
    // Prepare / Act
    const state = classify('We found it at a thrift store in Georgia, near Atlanta.');
    const country = classify('It was sold in Georgia, in a market in Tbilisi.');
    // Assess
    expect(state.country).toBe('US');
    expect(country.country).toBe('GE');
  });

  it('does not treat common words and given names as places', () => {
    // Prepare
    const texts = ['Jordan told me he has the same one.', 'Nice picture, very clear.', 'It has a turkey pattern on it.', 'Chad thinks it is old.', 'My sister Florence had a similar bag.'];
    for (const t of texts) {
      // Act
      const r = classify(t);
      // Assess
      expect(r.country, t).toBeNull();
    }
  });

  it('applies negation and correction', () => {
    // Prepare / Act
    const en = classify('Not Italy, I am sure it is from Greece.');
    const de = classify('Das ist nicht aus Deutschland, sondern aus Österreich.');
    const es = classify('No es de España, creo que es de Portugal.');
    // Assess
    expect(en.country).toBe('GR');
    expect(de.country).toBe('AT');
    expect(es.country).toBe('PT');
  });

  it('ignores manufacturing origin but keeps the place of purchase', () => {
    // Prepare / Act
    const only = classify('The label says Made in Bangladesh.');
    const both = classify('Hergestellt in China, aber ich habe es in Linz gekauft.');
    // Assess
    expect(only.country).toBeNull();
    expect(both.country).toBe('AT');
  });

  it('abstains when the tip says nothing about place', () => {
    // Prepare / Act
    const r = classify('Thank you for doing this work, I hope you find them.');
    // Assess
    expect(r.country).toBeNull();
    expect(r.confidence).toBeLessThan(0.35);
  });

  it('treats style and colour idioms as non-locating', () => {
    // Prepare / Act
    const r = classify('The cushion is in a French grey colour, you see it everywhere.');
    // Assess
    expect(r.country).toBeNull();
  });

  it('ends a style idiom at the verb: "the American giant is looking to …" is not a look', () => {
    // Prepare / Act
    const company = classify('Just as the American giant is looking to expand into fashion.');
    const look = classify('The lamp has an American look, you see it everywhere.');
    // Assess
    expect(company.country).toBe('US');
    expect(look.country).toBeNull();
  });

  it.each([
    'There is a persian cat figurine on the shelf behind the bed.',
    'Danish pastry on the plate, the ones with white icing.',
    'A German shepherd is lying next to the sofa.',
    'The tablecloth has a Paisley pattern, very 70s.',
  ])('reads fixed compounds and pattern names as kinds of things, not places: %s', (text) => {
    // Prepare / Act
    const r = classify(text);
    // Assess
    expect(r.country).toBeNull();
  });

  it('still reads a demonym or a place next to such a word when the text places it', () => {
    // Prepare / Act / Assess
    expect(classify('The cat food is Danish, the brand is sold only in Denmark.').country).toBe('DK');
    expect(classify('We bought the patterned towel in Paisley, near Glasgow.').country).toBe('GB');
  });

  it('applies Czech negation: "Není to Slovensko"', () => {
    // Prepare / Act
    const r = classify('Není to Slovensko, nápis je česky a cena je v korunách českých.');
    // Assess
    expect(r.country).toBe('CZ');
  });

  it('takes a guess back when the tipster retracts it without naming another place', () => {
    // Prepare / Act
    const r = classify("My first thought was Thailand but honestly no, looking again I can't tell where it's from, sorry");
    // Assess
    expect(r.country).toBeNull();
  });

  it("reads the tipster's own location as saying nothing when the tip says the object could be from anywhere", () => {
    // Prepare / Act / Assess
    expect(classify("I'm in Lagos and honestly I've seen a million towels like that, could be from anywhere").country).toBeNull();
    expect(classify("I'm in Lagos and we have these towels in every market here").country).toBe('NG');
  });

  it('reads "Kiwi" as a New Zealander and resolves a city by a Latin American state', () => {
    // Prepare / Act / Assess
    expect(classify('Looks like a proper Kiwi thing, my nan had the same tea towel').country).toBe('NZ');
    expect(classify('We had these in Valencia, Carabobo, when I was growing up').country).toBe('VE');
  });

  it('reads negations the tokeniser splits ("don\'t think it\'s") and Portuguese "no" as "in the"', () => {
    // Prepare / Act / Assess
    expect(classify("I don't think it's Nigeria. The price is in cedis, so Ghana.").country).toBe('GH');
    expect(classify("I don't think it's from Italy, the quality looks too cheap.").country).toBeNull();
    expect(classify('Essa toalha é igualzinha à que minha mãe comprou no Brasil.').country).toBe('BR');
  });

  it('lets several small towns of one country vouch for each other, and reads "a <town> man" as a place', () => {
    // Prepare / Act / Assess
    expect(
      classify(
        'Townsville residents are being urged to prepare for heavy rain. Falls of up to 300 millimetres are possible between Ingham and Bowen. ' +
          'Townsville City Council has opened sandbag stations at Bohle and Kirwan.',
      ).country,
    ).toBe('AU');
    expect(classify('A Hamilton man has been sentenced to home detention, Waikato police said.').country).toBe('NZ');
  });

  it.each([
    'El perro del calendario es un pastor alemán',
    'フランスパンみたいな形のおもちゃですね',
    "Il modello del calendario si chiama 'Venezia' secondo il catalogo",
  ])('reads Romance compounds, katakana compounds and product names as no place: %s', (text) => {
    // Prepare / Act
    const r = classify(text);
    // Assess
    expect(r.country).toBeNull();
  });

  it('reads a person named like a country, and a place before "say" after a preposition', () => {
    // Prepare / Act / Assess
    expect(classify('Israel Okafor, an electronics dealer at Onitsha Main Market, has been elected chairman.').country).not.toBe('IL');
    // Kingston alone is shared by six countries: Jamaica's leads, below the routing threshold since the stem round.
    expect(classify('Residents of Olympic Gardens in Kingston say they have gone without piped water for nine days.').candidates[0]?.country).toBe('JM');
    expect(classify('Nairobi County has begun repairing roads in Kibera ahead of the rainy season.').country).toBe('KE');
    expect(classify('The Bruhat Bengaluru Mahanagara Palike has served notices on 42 buildings along the Outer Ring Road.').country).toBe('IN');
  });

  it.each([
    "I'm writing from Canada but I don't recognise the lamp sorry",
    'Escribo desde Chile, ¿hay alguna recompensa?',
    'مكتوب على الكوب صنع في الصين، ما في شي ثاني',
    "Swiss-style muesli on the box but that's just a type of cereal",
  ])('abstains on where the tipster writes from, Arabic "made in" and a country adjective as a style: %s', (text) => {
    // Prepare / Act
    const r = classify(text);
    // Assess
    expect(r.country).toBeNull();
  });

  it.each([
    ['Hay producers across the Prairies are bracing for another poor year after a dry spring.', 'CA'],
    ['Sheep farmers in the Karoo say losses to jackal and caracal have surged.', 'ZA'],
    ['Farmers across the Corn Belt are racing to finish planting after weeks of wet weather.', 'US'],
  ])('places a story by a well-known region: %s', (text, cc) => {
    // Prepare / Act / Assess
    expect(classify(text).country).toBe(cc);
  });

  it('keeps several countries as candidates', () => {
    // Prepare / Act
    const r = classify('You can buy these in Latvia and Lithuania.');
    // Assess
    const ccs = r.candidates.map((c) => c.country);
    expect(ccs.slice(0, 2)).toEqual(expect.arrayContaining(['LV', 'LT']));
    // Two countries named alike: routed to one of them, or held back as several countries (the
    // calibrated confidence sits near the routing threshold and moves with each retraining).
    if (r.country === null) expect(r.reason).toBe('several-countries');
    else expect(['LV', 'LT']).toContain(r.country);
  });
});
