/**
 * An object's lifecycle, free of any dependency so the console bundles the very rules the API
 * enforces. A draft is seen by investigators only; published takes tips; retired is withdrawn from
 * the form (and may come back); identified is solved, shown to the public as such and takes no more
 * tips (publishing again undoes a mark made in error). Nothing goes back to draft: once the public
 * has seen an object, "never shown" would be untrue.
 */
export const OBJECT_STATUSES = ['draft', 'published', 'retired', 'identified'] as const;
export type ObjectStatusName = (typeof OBJECT_STATUSES)[number];

export const OBJECT_TRANSITIONS: Readonly<Record<ObjectStatusName, readonly ObjectStatusName[]>> = {
  draft: ['published', 'retired'],
  published: ['retired', 'identified'],
  retired: ['published'],
  identified: ['published'],
};

export function canMoveObject(from: ObjectStatusName, to: ObjectStatusName): boolean {
  return OBJECT_TRANSITIONS[from].includes(to);
}
