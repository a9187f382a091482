import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuditEntry, parseStored, QueueIndexEntry, StoredCounter, StoredTip } from '#shared/schemas/stored.ts';
import { INITIAL_STATUS, statusOf, TRANSITIONS, TRIAGE_STATUSES } from '#shared/tips/transitions.ts';

const root = join(import.meta.dirname, '..', '..');

/** An evidence copy as shared/tips/submit.ts writes it. */
const evidenceCopy = { tipId: '01JTEST0000000000000000000', objectId: 'obj-towel', text: 'Seen in Porto', submittedAt: '2026-01-01T00:00:00Z', pipeline: 'received' };

describe('stored tip schema', () => {
  it('reads a tip without a status (a duplicate, or not classified yet) as the initial status', () => {
    // Act
    const tip = parseStored(StoredTip, evidenceCopy, 'tip');

    // Assess
    expect(tip.status).toBe(INITIAL_STATUS);
  });

  it('keeps every attribute it does not name, so a newer writer loses nothing', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }).filter((name) => !(name in StoredTip.shape) && name !== '__proto__'), fc.jsonValue(), (name, value) => {
        // Act
        const tip = parseStored(StoredTip, { ...evidenceCopy, [name]: value }, 'tip');

        // Assess
        expect(tip[name]).toEqual(value);
      }),
    );
  });

  it('accepts the null confidence of a manual re-route and the classified country apart from the queue', () => {
    // Act
    const tip = parseStored(StoredTip, { ...evidenceCopy, country: 'PT', queue: 'ES', confidence: null, confidenceReason: 'manual', status: 'in_review', version: 3 }, 'tip');

    // Assess
    expect([tip.country, tip.queue, tip.confidence]).toEqual(['PT', 'ES', null]);
  });

  it.each([
    ['no tip id', { ...evidenceCopy, tipId: undefined }, 'tipId'],
    ['a status outside the machine', { ...evidenceCopy, status: 'closed' }, 'status'],
    ['a numeric text', { ...evidenceCopy, text: 7 }, 'text'],
    ['a malformed audit entry', { ...evidenceCopy, history: [{ at: '2026-01-01T00:00:00Z', by: 'x', changes: [{ field: 'colour', from: null, to: 'red' }] }] }, 'history.0.changes.0.field'],
  ])('fails loudly, naming the field, on %s', (_name, item, field) => {
    // Act + Assess
    expect(() => parseStored(StoredTip, item, 'tip')).toThrow(new RegExp(`Stored tip does not match its schema: .*${field.replace(/\./g, '\\.')}`));
  });
});

describe('other stored records', () => {
  it('sums only numbers in a counter item besides its keys and strongest tip', () => {
    // Act
    const counter = parseStored(StoredCounter, { pk: 'object#o#3', sk: 'PT', tips: 2, s_new: 2, maxConfidence: 0.9, strongestTipId: 't' }, 'counter');

    // Assess
    expect(counter.tips).toBe(2);
    expect(() => parseStored(StoredCounter, { pk: 'queues#0', sk: 'PT', total: '2' }, 'counter')).toThrow(/total/);
  });

  it('reads a queue index entry without a status as the initial status', () => {
    // Act
    const entry = parseStored(QueueIndexEntry, { tipId: 't', objectId: 'o', queue: 'PT', confidence: 0.8, submittedAt: '2026-01-01T00:00:00Z' }, 'queue index entry');

    // Assess
    expect(entry.status).toBe(INITIAL_STATUS);
  });

  it('accepts every audit change the writers make, the pipeline and downloads included', () => {
    for (const field of ['status', 'assignee', 'note', 'queue', 'claim', 'attachment', 'download']) {
      expect(AuditEntry.safeParse({ at: '2026-01-01T00:00:00Z', by: 'a', changes: [{ field, from: null, to: 'x' }] }).success).toBe(true);
    }
  });
});

describe('statuses', () => {
  it('maps anything that is not a status to the initial one, and every status to itself', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...TRIAGE_STATUSES), fc.anything()), (value) => {
        const expected = (TRIAGE_STATUSES as readonly unknown[]).includes(value) ? value : INITIAL_STATUS;
        expect(statusOf(value)).toBe(expected);
      }),
    );
  });

  it('lets every status be reached from the initial one', () => {
    // Act: breadth-first over the transitions
    const reached = new Set<string>([INITIAL_STATUS]);
    for (const status of reached) for (const next of TRANSITIONS[status as keyof typeof TRANSITIONS]) reached.add(next);

    // Assess
    expect([...reached].sort()).toEqual([...TRIAGE_STATUSES].sort());
  });

  it("states the initial status 'new' in shared/tips/transitions.ts only", () => {
    // Prepare: every TypeScript file of the layers that handle statuses (dedupe's reason "new" is another concept)
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) return name === 'generated' || name === 'dedupe' || name === 'geo' ? [] : files(path);
        return path.endsWith('.ts') ? [path] : [];
      });
    const sources = ['shared', 'functions', 'web/src', 'local'].flatMap((dir) => files(join(root, dir)));

    // Act
    const stating = sources.filter((path) => /'new'/.test(readFileSync(path, 'utf8'))).map((path) => relative(root, path));

    // Assess
    expect(stating).toEqual(['shared/tips/transitions.ts']);
  });
});
