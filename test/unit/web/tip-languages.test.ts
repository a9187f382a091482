import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';
import { describe, expect, it } from 'vitest';
import { detectableLanguages } from '#shared/geo/language.ts';
import { endonym } from '../../../web/src/i18n/index.ts';
import { TIP_LANGUAGES, tipLanguageChoices } from '../../../web/src/public/tip-languages.ts';

describe('tip languages', () => {
  it('are exactly the languages the classifier can detect', () => {
    const franc = new Set([...Object.values(data).flatMap((models) => Object.keys(models)), ...Object.keys(expressions)]);
    expect([...TIP_LANGUAGES].sort()).toEqual(detectableLanguages(franc));
  });

  it('include the scripts the old list lacked (Japanese, Chinese, Hindi, Hebrew, Persian)', () => {
    expect(TIP_LANGUAGES).toEqual(expect.arrayContaining(['ja', 'zh', 'hi', 'he', 'fa']));
  });

  it('are shown by their own names, sorted for the interface language', () => {
    const choices = tipLanguageChoices('de', endonym);
    expect(choices).toHaveLength(TIP_LANGUAGES.length);
    expect(choices.find((choice) => choice.code === 'ja')?.label).toBe('日本語 (Japanisch)');
    expect(choices.find((choice) => choice.code === 'de')?.label).toBe('Deutsch');
    const collator = new Intl.Collator('de');
    const own = choices.map((choice) => choice.label.replace(/ \(.*\)$/, ''));
    expect(own).toEqual([...own].sort(collator.compare));
  });

  it('add no name in the interface language when the engine lacks its names (it would answer in English)', () => {
    // Prepare: "qaa" is reserved for local use, so no engine has names in it and Intl.DisplayNames falls back.
    const fallback = new Intl.DisplayNames(['qaa'], { type: 'language' }).of('ja');

    // Act
    const choices = tipLanguageChoices('qaa', endonym);

    // Assess: the fallback did name Japanese (in English), and the list shows only the own name.
    expect(fallback).not.toBe(endonym('ja'));
    expect(choices.find((choice) => choice.code === 'ja')?.label).toBe('日本語');
    expect(choices.every((choice) => choice.label === endonym(choice.code))).toBe(true);
  });
});
