/**
 * The triage status machine, free of any dependency so the browser console
 * bundles the very rules the API enforces.
 */
export const TRIAGE_STATUSES = ['new', 'in_review', 'actionable', 'dismissed', 'forwarded'] as const;
export type TriageStatusName = (typeof TRIAGE_STATUSES)[number];

export const TRANSITIONS: Readonly<Record<TriageStatusName, readonly TriageStatusName[]>> = {
  new: ['in_review'],
  in_review: ['actionable', 'dismissed', 'forwarded'],
  // A decision can be reopened; it goes back through review.
  actionable: ['in_review'],
  dismissed: ['in_review'],
  forwarded: ['in_review'],
};

export function canTransition(from: TriageStatusName, to: TriageStatusName): boolean {
  return TRANSITIONS[from].includes(to);
}
