import { describe, expect, it } from 'vitest';
import { analyse } from '#shared/geo/analyse.ts';
import { classify } from '#shared/geo/index.ts';
import { tipFeatures, NULL_FEATURES, ATTACHMENT_NULL_FEATURES } from '#shared/geo/features.ts';
import weights from '#shared/geo/generated/geo-model.json' with { type: 'json' };

const stems = (text: string) => analyse(text).mentions.filter((m) => m.stem).map((m) => [m.text, [...m.prior.keys()]]);

describe('geo stems: a name read by its first letters when its ending is unknown', () => {
  it('reads agglutinative case endings no rule lists (Kazakh -тегі, Uzbek -dagi) as the town', () => {
    // Prepare
    const kazakh = 'Мен бұл сүлгіні Павлодардағы базардан көрдім';
    const uzbek = "Bu sochiqni Namangandagi bozorda ko'rdim";
    // Act / Assess
    expect(stems(kazakh)).toEqual([['Павлодардағы', ['KZ']]]);
    expect(stems(uzbek)).toEqual([['Namangandagi', ['UZ']]]);
    expect(classify(kazakh).country).toBe('KZ');
    expect(classify(uzbek).country).toBe('UZ');
  });

  it('never reads a stem in English, in lower case or where a name matched whole', () => {
    // Prepare / Act / Assess: English does not inflect names ("Parisian" is no Paris).
    expect(stems('We had a Parisian style towel, Berliner Weisse on the label')).toEqual([]);
    expect(stems('ja kupiłam to w sklepie obok domu, krakowiak taki')).toEqual([]);
    expect(stems('Kupiłam go w Krakowie w sklepie')).toEqual([]);
  });

  it('gives a tip with a photo abstain features of its own, zero for a tip without one', () => {
    // Prepare
    const text = 'We have the same towel at home, photo attached';
    const kinds = (weights as { kinds: string[] }).kinds;
    const at = (nullX: Float64Array, name: string) => nullX[NULL_FEATURES.indexOf(name)];
    // Act
    const withPhoto = tipFeatures(analyse(text, [{ lat: 52.37, lon: 4.9 }]), kinds).nullX;
    const without = tipFeatures(analyse(text), kinds).nullX;
    // Assess: the photo alone is no text evidence.
    expect(ATTACHMENT_NULL_FEATURES.map((n) => at(withPhoto, n))).toEqual([1, 1, 0]);
    expect(ATTACHMENT_NULL_FEATURES.map((n) => at(without, n))).toEqual([0, 0, 0]);
  });
});
