import './zod-config.ts';
import * as z from 'zod/mini';
import { ObjectId } from './common.ts';
import { OBJECT_STATUSES } from '../objects/lifecycle.ts';
import { bestLanguage, FALLBACK_LANGUAGE, LANGUAGE_TAG } from '../i18n/negotiate.ts';

export const ObjectStatus = z.enum(OBJECT_STATUSES);
export type ObjectStatus = z.infer<typeof ObjectStatus>;

const Title = z.string().check(z.minLength(1), z.maxLength(200));
const Description = z.string().check(z.maxLength(2000));
const Language = z.string().check(z.regex(LANGUAGE_TAG, 'must be a language tag such as "pl" or "pt-BR"'));

/** An object's title and description in one more language. */
export const ObjectText = z.object({ title: Title, description: Description });
export type ObjectText = z.infer<typeof ObjectText>;

export const TipObject = z.object({
  objectId: ObjectId,
  /** English: the text every language falls back to. */
  title: Title,
  description: Description,
  imageUrl: z.string().check(z.maxLength(2048)),
  status: ObjectStatus,
  createdAt: z.string(),
  /** The same texts in other languages, by language tag ("pl", "pt-BR"). */
  translations: z.optional(z.record(Language, ObjectText)),
});
export type TipObject = z.infer<typeof TipObject>;

/** Whether a language tag names the fallback (English) texts. */
export function isFallback(lang: string): boolean {
  return lang.toLowerCase() === FALLBACK_LANGUAGE;
}

/** What the public sees of an object. */
export const PublicObject = z.extend(z.pick(TipObject, { objectId: true, title: true, description: true, imageUrl: true }), {
  identified: z.boolean(),
  /** The language of title and description. */
  lang: z.string(),
});
export type PublicObject = z.infer<typeof PublicObject>;

/** The languages an object's texts exist in, English first. */
export function objectLanguages(object: TipObject): string[] {
  return [FALLBACK_LANGUAGE, ...Object.keys(object.translations ?? {}).filter((tag) => tag.toLowerCase() !== FALLBACK_LANGUAGE)];
}

/** The public view of an object, in the best of its languages for `preferred` (most preferred first), English otherwise. */
export function toPublicObject(object: TipObject, preferred: readonly string[] = []): PublicObject {
  const lang = bestLanguage(preferred, objectLanguages(object)) ?? FALLBACK_LANGUAGE;
  const text = lang === FALLBACK_LANGUAGE ? object : (object.translations?.[lang] ?? object);
  return {
    objectId: object.objectId,
    title: text.title,
    description: text.description,
    imageUrl: object.imageUrl,
    identified: object.status === 'identified',
    lang,
  };
}

/** Objects the public may browse: published ones and solved ones (shown as such). */
export const isListed = (object: TipObject): boolean =>
  object.status === 'published' || object.status === 'identified';
