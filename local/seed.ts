import type { TipObject } from '#shared/schemas/object.ts';
import { demoTexts } from './seed-texts.ts';

/** Demo objects so a fresh local stack has something to send tips about. */
export const demoObjects: TipObject[] = [
  {
    objectId: 'obj-towel',
    translations: demoTexts['obj-towel'],
    title: 'Striped beach towel',
    description: 'A blue and white striped towel with a small embroidered anchor in one corner.',
    imageUrl: '/media/demo/obj-towel.svg',
    status: 'published',
    createdAt: '2026-01-01T00:00:00Z',
  },
  {
    objectId: 'obj-bag',
    translations: demoTexts['obj-bag'],
    title: 'Shopping bag',
    description: 'A yellow plastic shopping bag with a red logo partly visible.',
    imageUrl: '/media/demo/obj-bag.svg',
    status: 'published',
    createdAt: '2026-01-01T00:00:00Z',
  },
  {
    objectId: 'obj-wallpaper',
    translations: demoTexts['obj-wallpaper'],
    title: 'Floral wallpaper',
    description: 'Wallpaper with a repeating green leaf and orange flower pattern.',
    imageUrl: '/media/demo/obj-wallpaper.svg',
    status: 'published',
    createdAt: '2026-01-01T00:00:00Z',
  },
];
