import './zod-config.ts';
import * as z from 'zod/mini';
import { ObjectId } from './common.ts';

export const ObjectStatus = z.enum(['draft', 'published', 'retired', 'identified']);
export type ObjectStatus = z.infer<typeof ObjectStatus>;

export const TipObject = z.object({
  objectId: ObjectId,
  title: z.string().check(z.minLength(1), z.maxLength(200)),
  description: z.string().check(z.maxLength(2000)),
  imageUrl: z.string().check(z.maxLength(2048)),
  status: ObjectStatus,
  createdAt: z.string(),
});
export type TipObject = z.infer<typeof TipObject>;

/** What the public sees of an object. */
export const PublicObject = z.extend(z.pick(TipObject, { objectId: true, title: true, description: true, imageUrl: true }), {
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
