/**
 * Issue 19: exports (tips of every country) never expired, and a deleted
 * attachment lived on for 90 days as an old version of a versioned bucket.
 * The lifecycle rules of the evidence bucket are read the way S3 applies
 * them: every rule whose prefix covers a key applies to it, the shortest wins.
 */
import { describe, expect, it } from 'vitest';
import { buckets } from '#shared/resources.ts';
import { build, PROD } from './helpers.ts';

type LifecycleRule = {
  Status: string;
  Prefix?: string;
  ExpirationInDays?: number;
  NoncurrentVersionExpiration?: { NoncurrentDays: number };
};

const stages = { dev: build(), prod: build(PROD) };

function evidenceRules(built: (typeof stages)['dev']): LifecycleRule[] {
  const id = built.stateful.getLogicalId(built.stateful.buckets.evidence.node.defaultChild as never);
  const bucket = built.stateful$.toJSON().Resources[id] as { Properties: { LifecycleConfiguration: { Rules: LifecycleRule[] } } };
  return bucket.Properties.LifecycleConfiguration.Rules.filter((rule) => rule.Status === 'Enabled');
}

/** The soonest day each action happens to a key: S3 applies every matching rule, the shorter period wins. */
function lifecycleOf(rules: LifecycleRule[], key: string): { expires?: number; oldVersionsGo?: number } {
  const matching = rules.filter((rule) => key.startsWith(rule.Prefix ?? ''));
  const soonest = (days: (number | undefined)[]): number | undefined => {
    const set = days.filter((day): day is number => day !== undefined);
    return set.length === 0 ? undefined : Math.min(...set);
  };
  return {
    expires: soonest(matching.map((rule) => rule.ExpirationInDays)),
    oldVersionsGo: soonest(matching.map((rule) => rule.NoncurrentVersionExpiration?.NoncurrentDays)),
  };
}

describe.each(Object.entries(stages))('%s: evidence bucket lifecycle', (_stage, built) => {
  it('an export is deleted a day after it was written, and its old version a day later', () => {
    // Prepare
    const rules = evidenceRules(built);
    // Act
    const exported = lifecycleOf(rules, 'exports/2026-12-02/8d7c.csv');
    // Assess
    expect(exported).toEqual({ expires: 1, oldVersionsGo: 1 });
  });

  it("a deleted attachment's old version is gone after a day, and a current attachment never expires by age", () => {
    // Prepare
    const rules = evidenceRules(built);
    // Act
    const attachment = lifecycleOf(rules, 'attachments/2026-12-02/5f0e');
    // Assess
    expect(attachment).toEqual({ expires: undefined, oldVersionsGo: 1 });
  });

  it('every declared prefix gets exactly the expiry shared/resources.ts gives it', () => {
    // Prepare
    const rules = evidenceRules(built);
    const prefixes = Object.values(buckets.evidence.prefixes);
    // Act
    const actual = prefixes.map((def) => lifecycleOf(rules, `${def.prefix}key`));
    // Assess
    expect(actual).toEqual(
      prefixes.map((def) => ({ expires: 'expireAfterDays' in def ? def.expireAfterDays : undefined, oldVersionsGo: def.noncurrentVersionExpirationDays })),
    );
  });
});
