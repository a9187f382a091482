/**
 * The receipt's attachment line agrees with how many files went with the tip (a tip takes up
 * to five): a plural message picked by Intl.PluralRules, like `counterOver`.
 */
import { describe, expect, it } from 'vitest';
import { format } from '../../../web/src/i18n/index.ts';

describe('the receipt line for the files sent with a tip', () => {
  it.each([
    ['en', 'Your file was sent with your tip.', 'Your files were sent with your tip.'],
    ['de', 'Ihre Datei wurde mit Ihrem Hinweis gesendet.', 'Ihre Dateien wurden mit Ihrem Hinweis gesendet.'],
    ['pl', 'Twój plik został wysłany razem ze wskazówką.', 'Twoje pliki zostały wysłane razem ze wskazówką.'],
  ] as const)('in %s, is singular for one file and plural for two to five', (locale, one, several) => {
    // Act
    const forms = [1, 2, 3, 4, 5].map((count) => format(locale, 'receiptAttachment', { count }));

    // Assess
    expect(forms).toEqual([one, several, several, several, several]);
  });

  it('uses the dual in Slovenian for two files', () => {
    // Act
    const two = format('sl', 'receiptAttachment', { count: 2 });
    const three = format('sl', 'receiptAttachment', { count: 3 });

    // Assess
    expect(two).toBe('Vaši datoteki sta bili poslani skupaj z namigom.');
    expect(three).toBe('Vaše datoteke so bile poslane skupaj z namigom.');
  });
});
