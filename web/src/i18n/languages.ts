/**
 * The public form's interface languages as codes only, for code that needs the list without the
 * form's catalogues (the console's object-text and translation pickers). index.ts checks at compile
 * time that each has a catalogue, and the catalogue test that the two lists are the same.
 */
export const formLocales = ['en', 'fr', 'de', 'nl', 'es', 'pl', 'it', 'pt', 'sv', 'da', 'fi', 'cs', 'sk', 'hu', 'ro', 'bg', 'el', 'et', 'lv', 'lt', 'hr', 'sl', 'ga', 'mt', 'ru', 'uk', 'tr', 'sq', 'sr', 'bs', 'mk', 'zh', 'ja', 'ko',
  'ar', 'fa', 'he', 'hi'] as const;

