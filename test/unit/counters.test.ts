import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_SK, changeDeltas, classifiedDeltas, contribution, duplicateDeltas, expiredDeltas, mergeDeltas, promotedDeltas, objectPk, QUEUES_PK, type CountedTip, type CounterDelta } from '#shared/tips/counters.ts';
import { TRIAGE_STATUSES } from '#shared/tips/transitions.ts';

/** Applies deltas to an in-memory table the way DynamoDB's ADD would. */
function apply(table: Map<string, Record<string, number>>, deltas: readonly CounterDelta[]): void {
  for (const delta of deltas) {
    const key = `${delta.pk}|${delta.sk}`;
    const item = table.get(key) ?? {};
    for (const [name, amount] of Object.entries(delta.add)) item[name] = (item[name] ?? 0) + amount;
    table.set(key, item);
  }
}

const tipArb = fc.record({
  objectId: fc.constantFrom('obj-a', 'obj-b'),
  queue: fc.constantFrom('NL', 'PT', 'unrouted'),
  status: fc.constantFrom(...TRIAGE_STATUSES),
  confidence: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  people: fc.integer({ min: 1, max: 5 }),
}) satisfies fc.Arbitrary<CountedTip>;

describe('counter deltas', () => {
  it('after any sequence of changes, the counters equal a recount of the final states', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(tipArb, fc.array(tipArb, { maxLength: 4 })), { maxLength: 12 }), (histories) => {
        // Prepare
        const incremental = new Map<string, Record<string, number>>();
        const recount = new Map<string, Record<string, number>>();

        // Act: each tip is classified in its first state, then changed (status, queue, confidence) step by step.
        for (const [first, changes] of histories) {
          apply(incremental, classifiedDeltas(first));
          let current = first;
          for (const next of changes) {
            const after = { ...next, objectId: current.objectId, people: current.people };
            apply(incremental, changeDeltas(current, after));
            current = after;
          }
          apply(recount, classifiedDeltas(current));
        }

        // Assess: zero attributes are equal to absent ones.
        const clean = (table: Map<string, Record<string, number>>) =>
          Object.fromEntries(
            [...table.entries()]
              .map(([key, item]) => [key, Object.fromEntries(Object.entries(item).filter(([, value]) => value !== 0))] as const)
              .filter(([, item]) => Object.keys(item).length > 0),
          );
        expect(clean(incremental)).toEqual(clean(recount));
      }),
    );
  });

  it('a status change moves one count between statuses in the overview and the object tally, and nothing else', () => {
    // Prepare
    const before: CountedTip = { objectId: 'obj-a', queue: 'NL', status: 'new', confidence: 0.8, people: 2 };

    // Act
    const deltas = changeDeltas(before, { ...before, status: 'in_review' });

    // Assess
    expect(deltas).toEqual([
      { pk: QUEUES_PK, sk: 'NL', add: { s_new: -1, s_in_review: 1 } },
      { pk: objectPk('obj-a'), sk: 'NL', add: { s_new: -1, s_in_review: 1 } },
    ]);
  });

  it('a duplicate counts one person to its first tip\'s queue only when that tip is routed', () => {
    // Act
    const routed = duplicateDeltas('obj-a', 'PT');
    const notYet = duplicateDeltas('obj-a', null);

    // Assess
    expect(routed).toContainEqual({ pk: objectPk('obj-a'), sk: 'PT', add: { people: 1 } });
    expect(notYet).toEqual([{ pk: objectPk('obj-a'), sk: ALL_SK, add: { duplicates: 1 } }]);
  });

  it('merges writes to one item and drops what nets to zero', () => {
    // Prepare
    const tip: CountedTip = { objectId: 'obj-a', queue: 'NL', status: 'new', confidence: 0.5, people: 1 };

    // Act
    const merged = mergeDeltas([...contribution(tip), ...contribution(tip, -1), ...contribution(tip)]);

    // Assess
    expect(merged).toEqual(contribution(tip));
  });
});

describe('expiry and promotion deltas', () => {
  it('leave the object one person and no distinct tip fewer when a first tip with duplicates expires and one is promoted', () => {
    // Prepare
    const expired: CountedTip = { objectId: 'obj-a', queue: 'PT', status: 'dismissed', confidence: 0.8, people: 3 };
    const successor: CountedTip = { objectId: 'obj-a', queue: 'PT', status: 'new', confidence: 0.7, people: 2 };

    // Act
    const net = mergeDeltas([...expiredDeltas(expired), ...promotedDeltas(successor)]);

    // Assess
    const all = net.find((delta) => delta.sk === ALL_SK);
    const tally = net.find((delta) => delta.pk === objectPk('obj-a') && delta.sk === 'PT');
    const queue = net.find((delta) => delta.pk === QUEUES_PK && delta.sk === 'PT');
    expect(all?.add).toEqual({ duplicates: -1 });
    expect(tally?.add).toMatchObject({ people: -1, s_dismissed: -1, s_new: 1 });
    expect(tally?.add.tips).toBeUndefined();
    expect(queue?.add).toEqual({ s_dismissed: -1, s_new: 1 });
  });
});
