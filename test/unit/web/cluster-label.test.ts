import { describe, expect, it } from 'vitest';
import { clusterMemberLabel } from '../../../web/src/console/cluster.ts';

describe('the tip view’s cluster list', () => {
  it('names the first tip as the API sends it (duplicateOf null) "first", not a duplicate', () => {
    // Act + Assess
    expect(clusterMemberLabel({ tipId: 'T-FIRST', duplicateOf: null })).toBe(' (first)');
  });

  it('names a duplicate with its similarity, and without one when the index gave none', () => {
    // Prepare
    const member = { tipId: 'T-DUP', clusterId: 'T-FIRST', submittedAt: '2026-12-03T10:00:00Z', duplicateOf: 'T-FIRST' };

    // Act + Assess
    expect(clusterMemberLabel({ ...member, similarity: 0.914 })).toBe(' duplicate, similarity 0.91');
    expect(clusterMemberLabel(member)).toBe(' duplicate');
  });
});
