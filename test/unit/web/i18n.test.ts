import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues, directionOf, endonym, format, locales, pickLocale, placeholders, type PluralMessage } from '../../../web/src/i18n/index.ts';

import { consoleCatalogues, consoleLocales } from '../../../web/src/i18n/console/index.ts';
import { formLocales } from '../../../web/src/i18n/languages.ts';
import { endonymsSource, namedCodes } from '../../../scripts/build-endonyms.ts';
import { TIP_LANGUAGES } from '../../../web/src/public/tip-languages.ts';

const WEB = resolve(import.meta.dirname, '../../../web/src');

/** The public pages' code (where messages are used), not the console's. */
function publicSources(): string {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|html)$/.test(entry.name)) files.push(path);
    }
  };
  for (const entry of readdirSync(WEB, { withFileTypes: true })) {
    if (entry.name === 'console' || entry.name === 'i18n' || entry.name.startsWith('console')) continue;
    if (entry.isDirectory()) walk(join(WEB, entry.name));
    else if (/\.(ts|html)$/.test(entry.name)) files.push(join(WEB, entry.name));
  }
  return files.map((file) => readFileSync(file, 'utf8')).join('\n');
}

const isPlural = (message: unknown): message is PluralMessage => typeof message === 'object' && message !== null && 'other' in message;

/** The console's code (views, the page and the reason labels it shows), where its messages are used. */
function consoleSources(): string {
  const files = [
    ...readdirSync(join(WEB, 'console')).filter((name) => name.endsWith('.ts')).map((name) => join(WEB, 'console', name)),
    join(WEB, 'console.html'),
    join(WEB, 'lib/reason.ts'),
  ];
  return files.map((file) => readFileSync(file, 'utf8')).join('\n');
}

type Catalogue = Readonly<Record<string, string | PluralMessage>>;

/**
 * One set of checks for every catalogue family (the public form's, the console's): each language
 * has exactly the English keys, the same placeholders, its own plural categories, and no key is dead.
 */
const families: readonly { name: string; catalogues: Readonly<Record<string, Catalogue>>; sources: () => string }[] = [
  { name: 'public form', catalogues, sources: publicSources },
  { name: 'console', catalogues: consoleCatalogues, sources: consoleSources },
];

describe.each(families)('$name message catalogues', ({ catalogues: family, sources }) => {
  const english = family.en!;
  const keys = Object.keys(english).sort();
  const codes = Object.keys(family);

  it.each(codes)('%s has exactly the English keys', (locale) => {
    expect(Object.keys(family[locale]!).sort()).toEqual(keys);
  });

  it.each(codes)('%s uses the same placeholders as English and has no empty message', (locale) => {
    for (const key of keys) {
      const message = family[locale]![key]!;
      const texts = typeof message === 'string' ? [message] : Object.values(message);
      for (const text of texts) expect(text.trim(), `${locale}.${key}`).not.toBe('');
      expect(placeholders(message), `${locale}.${key}`).toEqual(placeholders(english[key]!));
    }
  });

  it.each(codes)('%s gives a plural message every plural category of the language, and no other', (locale) => {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories.slice().sort();
    for (const key of keys) {
      const message: unknown = family[locale]![key];
      expect(isPlural(message), `${locale}.${key} is plural exactly when English is`).toBe(isPlural(english[key]));
      if (isPlural(message)) expect(Object.keys(message).sort(), `${locale}.${key}`).toEqual(categories);
    }
  });

  it('uses every key in its code, so no message is dead', () => {
    const source = sources();
    const unused = keys.filter((key) => !source.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });
});

describe('languages', () => {
  it('lists in languages.ts (what the console pickers offer) exactly the form catalogues', () => {
    expect([...formLocales].sort()).toEqual([...locales].sort());
  });

  it('offers the console in no language the public form lacks (the console names them with the same endonyms)', () => {
    expect(consoleLocales.filter((code) => !(locales as readonly string[]).includes(code))).toEqual([]);
  });

  it('names every language by itself', () => {
    expect(endonym('de')).toBe('Deutsch');
    expect(endonym('pl')).toBe('Polski');
    for (const locale of locales) expect(endonym(locale)).not.toBe(locale);
  });

  it('takes the names from CLDR (endonyms.ts is the generator\'s output, for every interface and tip language)', () => {
    // Prepare: what scripts/build-endonyms.ts writes from the installed CLDR packages.
    const expected = endonymsSource(namedCodes());

    // Act
    const committed = readFileSync(join(WEB, 'i18n/endonyms.ts'), 'utf8');

    // Assess: no drift from the dataset, and names Intl lacks in some browsers are there.
    expect(committed).toBe(expected);
    for (const code of [...locales, ...TIP_LANGUAGES]) expect(endonym(code)).not.toBe(code);
    expect(endonym('mt')).toBe('Malti');
    expect(endonym('ka')).toBe('ქართული');
  });
});

describe('pickLocale', () => {
  it('prefers the language in the URL, then the first supported browser language by primary subtag', () => {
    expect(pickLocale(['nl-BE', 'en'], 'pl')).toBe('pl');
    expect(pickLocale(['nl-BE', 'en'], 'PL')).toBe('pl');
    expect(pickLocale(['cy-GB', 'nl-BE', 'en'], 'xx')).toBe('nl');
    expect(pickLocale(['PL'])).toBe('pl');
  });

  it('falls back to English for unknown or bogus values', () => {
    expect(pickLocale(['x-klingon', 'i-default'], 'xx')).toBe('en');
    expect(pickLocale([], '__proto__')).toBe('en');
  });
});

describe('direction', () => {
  it('is right to left for Arabic, Persian and Hebrew only', () => {
    expect(['ar', 'fa', 'he', 'ar-EG', 'HE'].map(directionOf)).toEqual(['rtl', 'rtl', 'rtl', 'rtl', 'rtl']);
    expect(['en', 'de', 'ru', 'zh', 'hi', 'tr'].map(directionOf)).toEqual(['ltr', 'ltr', 'ltr', 'ltr', 'ltr', 'ltr']);
  });
});

describe('format', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('en', 'counter', { count: 12, max: 5000 })).toBe('12 of 5000 characters');
    expect(format('pl', 'counter', { count: 3 })).toBe('3 z {max} znaków');
  });

  it('picks the plural form by the language’s rules', () => {
    expect(format('en', 'counterOver', { count: 1 })).toBe('1 character too many');
    expect(format('en', 'counterOver', { count: 2 })).toBe('2 characters too many');
    expect(format('pl', 'counterOver', { count: 1 })).toBe('O 1 znak za dużo');
    expect(format('pl', 'counterOver', { count: 3 })).toBe('O 3 znaki za dużo');
    expect(format('pl', 'counterOver', { count: 5 })).toBe('O 5 znaków za dużo');
    expect(format('pl', 'counterOver', { count: 22 })).toBe('O 22 znaki za dużo');
  });
});
