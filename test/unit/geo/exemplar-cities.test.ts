/**
 * The gazetteer's CLDR exemplar cities (scripts/build-gazetteer.ts, cldr-dates-full): the big cities of
 * the world as every locale writes them, in the scripts cities1000 lacks. The sentences are written for
 * these tests, not taken from a set.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '#shared/geo/index.ts';
import { lookup } from '#shared/geo/gazetteer.ts';
import { foldKey } from '#shared/text/fold.ts';

const countriesOf = (name: string): string[] => (lookup(foldKey(name)) ?? []).map((e) => e.cc);

describe('CLDR exemplar cities in the gazetteer', () => {
  it('knows capitals in Dzongkha, Khmer and Burmese script that GeoNames does not list', () => {
    // Act / Assess: Thimphu in Dzongkha, Bangkok in Khmer and in Burmese.
    expect(countriesOf('ཐིམ་ཕུག')).toEqual(['BT']);
    expect(countriesOf('បាងកក')).toEqual(['TH']);
    expect(countriesOf('ဘန်ကောက်')).toEqual(['TH']);
  });

  it('routes a tip that names such a city and nothing else', () => {
    // Prepare: "I bought it in Bangkok" in Khmer, "I bought this towel in Bangkok" in Burmese.
    const khmer = 'ខ្ញុំទិញវានៅបាងកក';
    const burmese = 'ဒီပုဝါကို ဘန်ကောက်မှာ ဝယ်ခဲ့တယ်';
    // Act
    const result = [classify(khmer), classify(burmese)].map((r) => r.country);
    // Assess
    expect(result).toEqual(['TH', 'TH']);
  });

  it('adds no Latin spellings and no namesakes: a transliteration already naming a place elsewhere stays that place', () => {
    // Prepare: "दिल्ली" is Delhi (one locale writes Dili so); "보이시" is Boise and must not be cut to "보이" (a
    // verb stem) as an administrative "-시" would be.
    // Act / Assess
    expect(countriesOf('दिल्ली')).toEqual(['IN']);
    expect(lookup(foldKey('보이'))).toBeUndefined();
    expect(classify('노란색 로고가 살짝 보이네요').country).toBeNull();
  });
});
