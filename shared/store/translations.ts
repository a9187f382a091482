import { TranslateTextCommand } from '@aws-sdk/client-translate';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../config.ts';
import { isoSecond } from '../ids.ts';
import type { MachineTranslation } from '../schemas/translation.ts';
import { splitForTranslation, translateLanguageOf } from '../tips/translation.ts';
import { documents } from './clients/dynamo.ts';
import { translate } from './clients/translate.ts';
import { isConditionalCheckFailed } from './conditions.ts';

const TIPS = tableName('tips');
/**
 * Languages kept per tip: each translation of a 5,000-character tip can be ~20 KB, and a DynamoDB
 * item holds 400 KB. Past this a translation is still made and shown, just not kept.
 */
export const MAX_STORED_TRANSLATIONS = 8;

/**
 * Translates a tip's text from `source` into `target` (Amazon Translate codes) in pieces within its
 * per-call limit. The source is always explicit, never `auto`: `auto` makes Translate call Amazon
 * Comprehend, which the role is not granted (infra/access.ts). Throws the service's error: the
 * caller decides what the investigator sees (shared/tips/translation.ts failureOf).
 */
export async function machineTranslate(text: string, source: string, target: string, now: number = Date.now()): Promise<MachineTranslation> {
  const pieces = splitForTranslation(text);
  const results = [];
  // In order, one at a time: a long tip is at most a few calls, and a throttled account is not hammered.
  for (const piece of pieces) {
    results.push(await translate.send(new TranslateTextCommand({ Text: piece, SourceLanguageCode: source, TargetLanguageCode: translateLanguageOf(target) ?? target })));
  }
  return {
    text: results.map((result) => result.TranslatedText ?? '').join(''),
    sourceLanguage: results[0]?.SourceLanguageCode ?? source,
    machineTranslated: true,
    engine: 'amazon-translate',
    at: isoSecond(now),
  };
}

/**
 * Keeps a translation beside the tip's text, under `machineTranslations.<target>`; the text itself
 * and the tip's version (the triage ETag) are left alone, so a translation never makes an
 * investigator's pending change stale. `missing` when the tip no longer exists, `full` when it
 * already keeps MAX_STORED_TRANSLATIONS other languages.
 */
export async function storeTranslation(tipId: string, target: string, translation: MachineTranslation): Promise<'stored' | 'missing' | 'full'> {
  try {
    // A nested SET needs the map: create it once (a no-op when it exists).
    await documents.send(
      new UpdateCommand({
        TableName: TIPS,
        Key: { tipId },
        UpdateExpression: 'SET machineTranslations = :empty',
        ConditionExpression: 'attribute_exists(tipId) AND attribute_not_exists(machineTranslations)',
        ExpressionAttributeValues: { ':empty': {} },
      }),
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
  try {
    await documents.send(
      new UpdateCommand({
        TableName: TIPS,
        Key: { tipId },
        UpdateExpression: 'SET machineTranslations.#lang = :translation',
        ConditionExpression: 'attribute_exists(tipId) AND (attribute_exists(machineTranslations.#lang) OR size(machineTranslations) < :max)',
        ExpressionAttributeNames: { '#lang': target },
        ExpressionAttributeValues: { ':translation': translation, ':max': MAX_STORED_TRANSLATIONS },
      }),
    );
    return 'stored';
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
    const { Item } = await documents.send(new GetCommand({ TableName: TIPS, Key: { tipId }, ProjectionExpression: 'tipId' }));
    return Item === undefined ? 'missing' : 'full';
  }
}
