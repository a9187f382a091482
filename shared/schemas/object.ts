import * as z from 'zod';
import { ObjectId } from './common.ts';

export const ObjectStatus = z.enum(['draft', 'published', 'retired', 'identified']);
export type ObjectStatus = z.infer<typeof ObjectStatus>;

export const TipObject = z.object({
  objectId: ObjectId,
  title: z.string().min(1).max(200),
  description: z.string().max(2000),
  imageUrl: z.string().max(2048),
  status: ObjectStatus,
  createdAt: z.string(),
});
export type TipObject = z.infer<typeof TipObject>;

/** What the public sees of an object. */
export const PublicObject = TipObject.pick({ objectId: true, title: true, description: true, imageUrl: true }).extend({
  identified: z.boolean(),
});
export type PublicObject = z.infer<typeof PublicObject>;

export function toPublicObject(object: TipObject): PublicObject {
  return {
    objectId: object.objectId,
    title: object.title,
    description: object.description,
    imageUrl: object.imageUrl,
    identified: object.status === 'identified',
  };
}

/** Objects the public may browse: published ones and solved ones (shown as such). */
export const isListed = (object: TipObject): boolean =>
  object.status === 'published' || object.status === 'identified';
