import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import type { FunctionDef } from '#shared/resources.ts';

/** A Lambda context with the deployed function's name, memory and timeout. */
export function lambdaContext(def: FunctionDef): Context {
  const deadline = Date.now() + def.timeoutSeconds * 1000;
  const name = `tipline-local-${def.id}`;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${name}`,
    memoryLimitInMB: String(def.memoryMb),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
