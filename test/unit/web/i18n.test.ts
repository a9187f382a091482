import { describe, expect, it } from 'vitest';
import { catalogues, format, locales, pickLocale, placeholders } from '../../../web/src/i18n/index.ts';

describe('message catalogues', () => {
  const englishKeys = Object.keys(catalogues.en).sort();

  it.each(locales)('%s has exactly the English keys', (locale) => {
    expect(Object.keys(catalogues[locale]).sort()).toEqual(englishKeys);
  });

  it.each(locales)('%s uses the same placeholders and no empty message', (locale) => {
    for (const key of englishKeys) {
      const message = catalogues[locale][key as keyof typeof catalogues.en];
      expect(message.trim(), `${locale}.${key}`).not.toBe('');
      expect(placeholders(message), `${locale}.${key}`).toEqual(placeholders(catalogues.en[key as keyof typeof catalogues.en]));
    }
  });

  it('offers English, French, German, Dutch, Spanish and Polish', () => {
    expect([...locales].sort()).toEqual(['de', 'en', 'es', 'fr', 'nl', 'pl']);
  });
});

describe('pickLocale', () => {
  it('prefers a stored choice, then the first supported browser language by primary subtag', () => {
    expect(pickLocale(['nl-BE', 'en'], 'pl')).toBe('pl');
    expect(pickLocale(['pt-BR', 'nl-BE', 'en'])).toBe('nl');
    expect(pickLocale(['PL'])).toBe('pl');
  });

  it('falls back to English for unknown or bogus values', () => {
    expect(pickLocale(['ja', 'zh-Hant'], 'xx')).toBe('en');
    expect(pickLocale([], '__proto__')).toBe('en');
  });
});

describe('format', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('en', 'counter', { count: 12, max: 5000 })).toBe('12 of 5000 characters');
    expect(format('pl', 'counter', { count: 3 })).toBe('3 z {max} znaków');
  });
});
