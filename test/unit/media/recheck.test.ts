import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recheckDelay } from '#shared/media/pipeline.ts';
import { limits } from '#shared/resources.ts';

describe('recheckDelay: when to look again for a late attachment', () => {
  const submitted = '2026-12-03T10:00:00Z';
  const at = (seconds: number) => Date.parse(submitted) + seconds * 1000;

  it('looks again one interval later while an upload can still come', () => {
    // Act / Assess
    expect(recheckDelay(submitted, at(5), 300)).toBe(300);
  });

  it('stops once the presigned upload and one more interval are over', () => {
    // Act / Assess
    expect(recheckDelay(submitted, at(limits.attachmentUploadSeconds + 300), 300)).toBeNull();
    expect(recheckDelay(submitted, at(limits.attachmentUploadSeconds + 299), 300)).toBe(1);
  });

  it('never asks SQS for more than its 900 s delay, nor for less than 1 s, and never runs past the window', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * limits.attachmentUploadSeconds }), fc.integer({ min: 1, max: 900 }), (elapsed, interval) => {
        const delay = recheckDelay(submitted, at(elapsed), interval);
        const windowEnd = limits.attachmentUploadSeconds + interval;
        if (elapsed >= windowEnd) return delay === null;
        return delay !== null && delay >= 1 && delay <= Math.min(900, interval) && elapsed + delay <= windowEnd + 1;
      }),
    );
  });
});
