import { h } from '../lib/dom.ts';
import type { TipObject } from '#shared/schemas/object.ts';

/**
 * How the console names an object wherever its id would appear (issue 16): a small picture (the
 * same viewing copy the objects panel shows), the title in the console's language when the object
 * has one (else the English title, marked lang="en" so a screen reader reads it as English), and the
 * id as a secondary, selectable detail. The picture has a fixed size (width/height attributes and
 * CSS), so rows do not jump when it loads, and a missing picture leaves a same-size placeholder.
 * Defined once here; every view calls it.
 */
export type LabelledObject = Pick<TipObject, 'objectId' | 'title' | 'imageUrl' | 'translations'>;

/** The thumbnail's box, in CSS pixels (4:3, as the objects panel's pictures). */
export const THUMB_WIDTH = 40;
export const THUMB_HEIGHT = 30;

/** The object's title in `language` (exact tag, else its primary language), else the English one. */
export function objectTitleIn(object: LabelledObject, language: string): { title: string; lang: string } {
  const translations = object.translations ?? {};
  const wanted = language.toLowerCase();
  const primary = wanted.split('-')[0]!;
  const key = Object.keys(translations).find((tag) => tag.toLowerCase() === wanted) ?? Object.keys(translations).find((tag) => tag.toLowerCase().split('-')[0] === primary);
  const text = key === undefined ? undefined : translations[key]?.title;
  return text === undefined || text === '' ? { title: object.title, lang: 'en' } : { title: text, lang: key! };
}

/**
 * The label of `objectId`: picture, title and id for a known object, the id alone for one the
 * console's list does not have (deleted, or the list failed to load).
 */
export function objectLabel(objectId: string, objects: readonly LabelledObject[], language: string): HTMLElement {
  const object = objects.find((entry) => entry.objectId === objectId);
  if (object === undefined) return h('span', { class: 'object-label', 'data-object-id': objectId }, h('span', { class: 'code object-id' }, objectId));
  const { title, lang } = objectTitleIn(object, language);
  const thumb = h('img', { class: 'object-thumb', src: object.imageUrl, alt: title, width: THUMB_WIDTH, height: THUMB_HEIGHT, decoding: 'async' });
  // A draft may have no picture yet: an empty box of the same size instead of a broken image.
  thumb.addEventListener('error', () => thumb.replaceWith(h('span', { class: 'object-thumb object-thumb-missing', 'aria-hidden': 'true' })));
  const sameLanguage = lang.toLowerCase().split('-')[0] === language.toLowerCase().split('-')[0];
  return h('span', { class: 'object-label', 'data-object-id': objectId },
    thumb,
    h('span', { class: 'object-label-text' },
      h('span', { class: 'object-title', ...(sameLanguage ? {} : { lang }) }, title),
      h('span', { class: 'code object-id' }, objectId)));
}
