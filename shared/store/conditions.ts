import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';

/** A lost conditional write is an expected outcome (a race or a redelivery), not a failure. */
export function isConditionalCheckFailed(error: unknown): boolean {
  return (
    error instanceof ConditionalCheckFailedException ||
    (error instanceof Error && error.name === 'ConditionalCheckFailedException')
  );
}
