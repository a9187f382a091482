import { Logger } from '@aws-lambda-powertools/logger';

/**
 * Structured JSON logs (level from POWERTOOLS_LOG_LEVEL). Nothing that
 * identifies a tipster is ever passed to the logger: no request headers, no
 * source IP, no user agent. Stages log the tip id so a tip can be followed
 * from intake to its queue.
 */
export function createLogger(serviceName: string): Logger {
  return new Logger({ serviceName });
}
