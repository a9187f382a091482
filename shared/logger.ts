import { LogFormatter, LogItem, Logger } from '@aws-lambda-powertools/logger';
import type { LogAttributes, UnformattedAttributes } from '@aws-lambda-powertools/logger/types';
import { isoSecond } from './ids.ts';

/**
 * Powertools' standard JSON keys, with the timestamp rounded down to the
 * second: a log line's millisecond, next to the tip id it names, would date a
 * submission more finely than the README allows. (Powertools does not export
 * its own formatter class to extend, so the keys are listed here.)
 */
class SecondsLogFormatter extends LogFormatter {
  override formatTimestamp(now: Date): string {
    return isoSecond(now.getTime());
  }

  formatAttributes(attributes: UnformattedAttributes, additionalLogAttributes: LogAttributes): LogItem {
    return new LogItem({
      attributes: {
        level: attributes.logLevel,
        message: attributes.message,
        timestamp: this.formatTimestamp(attributes.timestamp),
        service: attributes.serviceName,
        cold_start: attributes.lambdaContext?.coldStart,
        function_arn: attributes.lambdaContext?.invokedFunctionArn,
        function_memory_size: attributes.lambdaContext?.memoryLimitInMB,
        function_name: attributes.lambdaContext?.functionName,
        function_request_id: attributes.lambdaContext?.awsRequestId,
        sampling_rate: attributes.sampleRateValue,
        xray_trace_id: attributes.xRayTraceId,
      },
    }).addAttributes(additionalLogAttributes);
  }
}

/**
 * Structured JSON logs (level from POWERTOOLS_LOG_LEVEL). Nothing that
 * identifies a tipster is ever passed to the logger: no request headers, no
 * source IP, no user agent, no time finer than the second. Stages log the
 * tip id so a tip can be followed from intake to its queue.
 */
export function createLogger(serviceName: string): Logger {
  return new Logger({ serviceName, logFormatter: new SecondsLogFormatter() });
}
