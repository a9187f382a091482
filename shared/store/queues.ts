import { SendMessageBatchCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { queueUrl } from '../config.ts';
import type { ClassifyMessage, IntakeMessage } from '../schemas/tip.ts';
import { sqs } from './clients/sqs.ts';

const INTAKE_URL = queueUrl('intake');

/**
 * JSON with every non-ASCII character escaped (\uXXXX). SQS refuses bodies
 * with characters outside #x9 #xA #xD #x20-#xD7FF #xE000-#xFFFD #x10000+
 * (U+FFFE and U+FFFF are noncharacters a tip can still contain), and some
 * emulators refuse astral characters too; escaped JSON is plain ASCII, so any
 * tip text travels, and JSON.parse on the consumer gives back the same string.
 */
export function sqsBody(message: unknown): string {
  return JSON.stringify(message).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export async function enqueueIntake(message: IntakeMessage): Promise<void> {
  await sqs.send(new SendMessageCommand({ QueueUrl: INTAKE_URL, MessageBody: sqsBody(message) }));
}

/** An intake message delivered after `delaySeconds` (at most 900, SQS's limit): the re-check for a tip's late attachments. */
export async function enqueueIntakeLater(message: IntakeMessage, delaySeconds: number): Promise<void> {
  await sqs.send(new SendMessageCommand({ QueueUrl: INTAKE_URL, MessageBody: sqsBody(message), DelaySeconds: Math.min(900, Math.max(0, Math.round(delaySeconds))) }));
}

/**
 * Forwards a batch in SendMessageBatch calls of ten (one billed request each).
 * Returns the tip ids that could not be sent so the caller can report them as
 * batch item failures and let SQS redeliver them.
 */
export async function enqueueClassifyBatch(messages: readonly ClassifyMessage[]): Promise<Set<string>> {
  const failed = new Set<string>();
  const url = queueUrl('classify');
  for (let offset = 0; offset < messages.length; offset += 10) {
    const chunk = messages.slice(offset, offset + 10);
    try {
      const result = await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: url,
          Entries: chunk.map((message, index) => ({ Id: String(index), MessageBody: sqsBody(message) })),
        }),
      );
      for (const entry of result.Failed ?? []) {
        const message = chunk[Number(entry.Id)];
        if (message !== undefined) failed.add(message.tipId);
      }
    } catch {
      for (const message of chunk) failed.add(message.tipId);
    }
  }
  return failed;
}
