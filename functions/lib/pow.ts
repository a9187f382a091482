import { optionalEnv, requireEnv } from '#shared/config.ts';
import { ConfigurationError, ConflictError, ValidationError } from '#shared/errors.ts';
import { issueChallenge, MAX_DIFFICULTY, POW_HEADER, verifyPow, type Challenge } from '#shared/pow.ts';
import { claimPowChallenge } from '#shared/store/idempotency.ts';
import { header, type HttpEvent } from './http.ts';

/**
 * The optional proof of work of the public POST routes, from the environment
 * once at init: off unless POW_DIFFICULTY (leading zero bits) is set; then
 * POW_SECRET is required. Challenges come from GET /tips/challenge and are
 * stateless, so any function with the secret checks them; each is used once.
 */
export function proofOfWorkFromEnv(): {
  readonly difficulty: number;
  challenge(): Promise<Challenge | { challenge: null; difficulty: 0; expiresAt: null }>;
  check(event: HttpEvent): Promise<void>;
} {
  const difficulty = Number(optionalEnv('POW_DIFFICULTY', '0'));
  if (!Number.isInteger(difficulty) || difficulty < 0 || difficulty > MAX_DIFFICULTY) {
    throw new ConfigurationError(`POW_DIFFICULTY must be an integer from 0 to ${MAX_DIFFICULTY}`);
  }
  const secret = difficulty > 0 ? requireEnv('POW_SECRET') : '';
  return {
    difficulty,
    challenge: async () => (difficulty === 0 ? { challenge: null, difficulty: 0, expiresAt: null } : issueChallenge(secret, difficulty)),
    async check(event) {
      if (difficulty === 0) return;
      const verdict = await verifyPow(header(event, POW_HEADER), secret, difficulty);
      if (!verdict.ok) {
        throw new ValidationError(`Invalid ${POW_HEADER} header`, [{ path: POW_HEADER, message: verdict.reason }]);
      }
      if (!(await claimPowChallenge(verdict.challengeHash, verdict.expiresAt))) {
        throw new ConflictError(`${POW_HEADER} challenge was already used; fetch a new one`, {
          issues: [{ path: POW_HEADER, message: 'was already used' }],
        });
      }
    },
  };
}
