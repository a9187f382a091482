/**
 * The triage statuses and their transitions: the one place they are stated.
 * Free of any dependency so the browser console bundles the very rules the
 * API enforces; the record schemas (shared/schemas/) and the store read them
 * from here.
 */
export const TRIAGE_STATUSES = ['new', 'in_review', 'actionable', 'dismissed', 'forwarded'] as const;
export type TriageStatusName = (typeof TRIAGE_STATUSES)[number];

/**
 * The status a tip has from classification on, until an investigator changes
 * it. A tip read before it has a status (a duplicate, or one not classified
 * yet) reads as this one too.
 */
export const INITIAL_STATUS = 'new' satisfies TriageStatusName;

/** A stored status, or INITIAL_STATUS for a tip that has none (yet). */
export const statusOf = (value: unknown): TriageStatusName =>
  typeof value === 'string' && (TRIAGE_STATUSES as readonly string[]).includes(value) ? (value as TriageStatusName) : INITIAL_STATUS;

export const TRANSITIONS: Readonly<Record<TriageStatusName, readonly TriageStatusName[]>> = {
  [INITIAL_STATUS]: ['in_review'],
  in_review: ['actionable', 'dismissed', 'forwarded'],
  // A decision can be reopened; it goes back through review.
  actionable: ['in_review'],
  dismissed: ['in_review'],
  forwarded: ['in_review'],
};

export function canTransition(from: TriageStatusName, to: TriageStatusName): boolean {
  return TRANSITIONS[from].includes(to);
}
