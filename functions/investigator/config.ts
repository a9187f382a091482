import { optionalEnv, requireEnv } from '#shared/config.ts';
import { ConfigurationError } from '#shared/errors.ts';
import { createLogger } from '#shared/logger.ts';

/**
 * The investigator function's settings, read once at init and failing loudly:
 * the only module of functions/investigator/ that reads the environment, so a
 * route module can be read (and tested) without guessing which variables it needs.
 */
export const logger = createLogger('investigator');

/** The key receipts are hashed with (shared/receipts.ts), for a tipster who quotes theirs by phone. */
export const receiptKeySecret = requireEnv('RECEIPT_KEY_SECRET');

/**
 * Amazon Translate for tips in a language the investigator does not read: on where the stack grants
 * translate:TranslateText (infra/access.ts), off locally, where there is no Translate to call.
 */
export const translationEnabled = ((value: string): boolean => {
  if (value !== 'true' && value !== 'false') throw new ConfigurationError(`TRANSLATE_ENABLED must be "true" or "false", got ${JSON.stringify(value)}`);
  return value === 'true';
})(optionalEnv('TRANSLATE_ENABLED', 'false'));
