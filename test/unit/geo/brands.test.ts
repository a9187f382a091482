import { describe, it, expect } from 'vitest';
import { classify } from '#shared/geo/index.ts';
import type { GeoResult } from '#shared/geo/index.ts';

const kinds = (r: GeoResult): string[] => r.candidates.flatMap((c) => c.evidence.map((e) => e.kind));

describe('brands from the name-suggestion-index', () => {
  it('reads a brand sold in one country as strong evidence', () => {
    // Prepare / Act
    const greggs = classify('That paper bag is from Greggs, I get a sausage roll there every morning.');
    const edeka = classify('The receipt is from Edeka, I think.');
    // Assess
    expect(greggs.country).toBe('GB');
    expect(greggs.confidence).toBeGreaterThanOrEqual(0.5);
    expect(kinds(greggs)).toContain('chain');
    expect(edeka.country).toBe('DE');
  });

  it('splits a brand of two or three countries, leaning to the bigger market', () => {
    // Prepare / Act
    const r = classify('This is an Albert Heijn bag.');
    // Assess
    expect(r.country).toBe('NL');
    expect(r.candidates.map((c) => c.country)).toContain('BE');
  });

  it('gives no evidence for a brand sold world-wide', () => {
    // Prepare / Act
    const r = classify('It is a Lidl bag.');
    // Assess
    expect(r.country).toBeNull();
    expect(kinds(r)).not.toContain('chain');
  });

  it('does not read a multinational brand written as the brand as the small town of that name', () => {
    // Prepare / Act
    const brand = classify('She showed me her new Zara jacket yesterday.');
    const place = classify('I went to Zara, Turkey last year.');
    // Assess
    expect(brand.country).toBeNull();
    expect(place.country).toBe('TR');
  });

  it('keeps a small town named like a multinational brand after a locative preposition, as weak evidence that needs support', () => {
    // Prepare / Act
    const es = classify('compré esta chaqueta en Mango hace dos años');
    const gap = classify("J'ai acheté ce jouet à Gap, au marché du samedi.");
    const qualified = classify('We lived in Mango, Togo for two years.');
    // Assess: the shop reading keeps Mango from routing alone; Gap, a French prefecture, stays a candidate
    expect(es.country === null || es.confidence < 0.5).toBe(true);
    expect(gap.candidates.map((c) => c.country)).toContain('FR');
    expect(qualified.country).toBe('TG');
  });

  it('does not read a town inside the name of a multinational brand of several words', () => {
    // Prepare / Act
    const r = classify('Found an old Coca-Cola crate in the attic');
    // Assess
    expect(r.candidates.map((c) => c.country)).toEqual([]);
  });

  it('does not read the words of a "made in" phrase as a brand ("Fabriqué en …" is no shop)', () => {
    // Prepare / Act
    const r = classify("L'étiquette dit « Fabriqué en Chine », rien d'autre");
    // Assess
    expect(kinds(r)).not.toContain('chain');
  });

  it('does not read English words, names or lower-case phrases as brands', () => {
    // Prepare / Act
    const r = classify('Police said the Office was closed on Tuesday morning, according to Judge Maury.');
    // Assess
    expect(kinds(r)).not.toContain('chain');
  });

  it('does not read an ordinary word opening a sentence as a brand', () => {
    // Prepare / Act
    const r = classify('Torba z Biedronki, na pewno.');
    // Assess
    expect(r.country).toBe('PL');
  });
});
