import { describe, expect, it } from 'vitest';
import { demoObjects } from '#local/seed.ts';
import { TipObject } from '#shared/schemas/object.ts';
import { locales } from '../../../web/src/i18n/index.ts';

describe('seeded objects', () => {
  it.each(demoObjects.map((object) => [object.objectId, object] as const))('%s has a valid title and description in every interface language', (_id, object) => {
    expect(TipObject.safeParse(object).success).toBe(true);
    const missing = locales.filter((locale) => locale !== 'en' && object.translations?.[locale] === undefined);
    expect(missing).toEqual([]);
    for (const [lang, text] of Object.entries(object.translations ?? {})) {
      expect(text.title, lang).not.toBe(object.title);
      expect(text.description, lang).not.toBe(object.description);
    }
  });
});
