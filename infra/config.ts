import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { Node } from 'constructs';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/**
 * Stage configuration, read once from CDK context (`-c stage=prod`, cdk.json).
 * Everything that differs between dev and prod lives here so the stacks
 * contain no `if (prod)` scattered through them.
 */

export type StageName = 'dev' | 'prod';

/** EU/EEA members plus GB, CH, US, CA, AU, NZ: the police forces taking part today. */
export const DEFAULT_COUNTRY_GROUPS: readonly string[] = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU',
  'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO', 'GB', 'CH', 'US', 'CA', 'AU', 'NZ',
];

/** Cognito group for people who see every queue, `unrouted` included (see shared/auth.ts). */
export const COORDINATOR_GROUP = 'coordinator';

export interface Throttle {
  /** Steady-state requests per second. */
  readonly rate: number;
  readonly burst: number;
}

export interface StageConfig {
  readonly stage: StageName;
  readonly prod: boolean;
  /** Prefix of stack names and physical names, e.g. `Tipline-dev`. */
  readonly prefix: string;
  readonly removalPolicy: RemovalPolicy;
  readonly logRetention: RetentionDays;
  /** Origin of the public form and the console, for CORS and the Cognito callback. */
  readonly webOrigin: string;
  /** ISO 3166-1 alpha-2 codes; one Cognito group each (upper case, as shared/auth.ts expects). */
  readonly countryGroups: readonly string[];
  readonly alarmEmail: string | undefined;
  /** Ship source maps (bigger bundles, slower cold start, readable stack traces). */
  readonly sourceMaps: boolean;
  readonly logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** Proof of work on POST /tips in leading zero bits (0 = off); see shared/pow.ts. */
  readonly powDifficulty: number;
  /** Stage-wide API throttle and the tighter one on public POST routes (POST /tips). */
  readonly apiThrottle: Throttle;
  readonly submitThrottle: Throttle;
  /** WAF rate-based rules: requests per source per 5 minutes (counted inside WAF only). */
  readonly wafRateLimitPerSource: number;
  readonly wafSubmitRateLimitPerSource: number;
  /**
   * Requests per source per 5 minutes to the `guessable` routes (the receipt
   * follow-up): WAF sees no responses, so it counts every request, not only
   * wrong receipts as the local adapter does.
   */
  readonly wafGuessRateLimitPerSource: number;
  /** WAF at the API: requests per 5 minutes of all sources together (one counter for the whole API). */
  readonly wafGlobalRateLimit: number;
  /** Bumped (`-c originSecretGeneration=2`) to replace CloudFront's origin secret with a new one. */
  readonly originSecretGeneration: number;
  /**
   * Machine translation of tips (`-c translate=true`). Off by default: it sends tip text to Amazon
   * Translate (never to Comprehend: the source language is explicit), which may keep it unless the organisation has an AI services opt-out
   * policy, so an operator turns it on knowingly (README, Limits).
   * @default false
   */
  readonly translate: boolean;
  /** Alarm when the oldest message of a work queue is older than this. */
  readonly oldestMessageAlarmAge: Duration;
}

const COUNTRY = /^[A-Z]{2}$/;

function parseList(value: unknown): string[] | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed.startsWith('[')) return (JSON.parse(trimmed) as unknown[]).map(String);
    return trimmed.split(/[\s,]+/).filter((item) => item !== '');
  }
  throw new Error(`Expected a list of country codes, got ${JSON.stringify(value)}`);
}

function parseBool(value: unknown): boolean {
  return value === true || value === 'true' || value === '1';
}

function parseGeneration(value: unknown): number {
  const generation = Number(value ?? 1);
  if (!Number.isInteger(generation) || generation < 1) {
    throw new Error(`originSecretGeneration must be a whole number from 1, got ${JSON.stringify(value)}`);
  }
  return generation;
}

function parsePowDifficulty(value: unknown): number {
  const difficulty = Number(value ?? 0);
  if (!Number.isInteger(difficulty) || difficulty < 0 || difficulty > 24) {
    throw new Error(`powDifficulty must be an integer from 0 (off) to 24, got ${JSON.stringify(value)}`);
  }
  return difficulty;
}

/** Reads and validates the stage configuration; throws on anything a deploy would regret. */
export function loadConfig(node: Node): StageConfig {
  const stage = String(node.tryGetContext('stage') ?? 'dev');
  if (stage !== 'dev' && stage !== 'prod') throw new Error(`Unknown stage "${stage}" (use -c stage=dev|prod)`);
  const prod = stage === 'prod';

  const webOrigin = String(node.tryGetContext('webOrigin') ?? 'http://localhost:3000').replace(/\/+$/, '');
  let origin: URL;
  try {
    origin = new URL(webOrigin);
  } catch {
    throw new Error(`webOrigin "${webOrigin}" is not a URL`);
  }
  if (prod && (origin.protocol !== 'https:' || origin.hostname === 'localhost')) {
    throw new Error(`stage=prod needs an https webOrigin (got "${webOrigin}"): pass -c webOrigin=https://tips.example.org`);
  }

  const countryGroups = [...new Set(parseList(node.tryGetContext('countryGroups')) ?? DEFAULT_COUNTRY_GROUPS)]
    .map((code) => code.toUpperCase())
    .sort();
  for (const code of countryGroups) {
    if (!COUNTRY.test(code)) throw new Error(`countryGroups: "${code}" is not an ISO 3166-1 alpha-2 code`);
  }

  const alarmEmailRaw = String(node.tryGetContext('alarmEmail') ?? '').trim();
  if (alarmEmailRaw !== '' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(alarmEmailRaw)) {
    throw new Error(`alarmEmail "${alarmEmailRaw}" is not an e-mail address`);
  }

  const apiThrottle: Throttle = prod ? { rate: 100, burst: 200 } : { rate: 20, burst: 40 };
  return {
    stage,
    prod,
    prefix: `Tipline-${stage}`,
    removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    logRetention: prod ? RetentionDays.ONE_MONTH : RetentionDays.ONE_WEEK,
    webOrigin,
    countryGroups,
    alarmEmail: alarmEmailRaw === '' ? undefined : alarmEmailRaw,
    sourceMaps: parseBool(node.tryGetContext('sourceMaps')),
    logLevel: prod ? 'INFO' : 'DEBUG',
    powDifficulty: parsePowDifficulty(node.tryGetContext('powDifficulty')),
    apiThrottle,
    submitThrottle: prod ? { rate: 20, burst: 40 } : { rate: 5, burst: 10 },
    // Generous on purpose: a Tor exit or a carrier NAT puts many tipsters behind one address.
    wafRateLimitPerSource: 1000,
    wafSubmitRateLimitPerSource: 100,
    // A tipster reads and answers a few times; 30 in 5 minutes bounds guessing at ~8,600 a day per address (80-bit receipts).
    wafGuessRateLimitPerSource: 30,
    // The stage rate sustained over WAF's 5-minute window, for all methods together.
    wafGlobalRateLimit: apiThrottle.rate * 300,
    originSecretGeneration: parseGeneration(node.tryGetContext('originSecretGeneration')),
    translate: parseBool(node.tryGetContext('translate')),
    oldestMessageAlarmAge: Duration.minutes(15),
  };
}
