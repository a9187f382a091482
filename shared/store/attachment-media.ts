import { GetObjectCommand, GetObjectTaggingCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { bucketName, tableName } from '../config.ts';
import { SCAN_TAG, type ProcessedAttachment } from '../media/schema.ts';
import type { AttachmentView } from '../schemas/responses.ts';
import type { AuditEntry, StoredTip } from '../schemas/stored.ts';
import { limits } from '../resources.ts';
import { rollHistory } from './audit.ts';
import { documents } from './clients/dynamo.ts';
import { isConditionalCheckFailed } from './conditions.ts';
import { SNIFF_BYTES } from '../media/sniff.ts';
import { presigner, s3 } from './clients/s3.ts';
import { getTip } from './tips.ts';

/**
 * S3 side of attachment processing (issue 15). An original stays under its
 * `attachments/` key, never rewritten; its metadata-free viewing copy goes under
 * `viewing/` with the same suffix, so a console link can only ever reach the copy.
 */
const BUCKET = bucketName('evidence');
const TIPS = tableName('tips');

const httpStatus = (error: unknown): number | undefined => (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;

function isMissing(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status = httpStatus(error);
  return error.name === 'NoSuchKey' || error.name === 'NotFound' || status === 404 || status === 403;
}

/** The first bytes of an uploaded attachment and its declared type (a ranged GET), or null when it has not arrived. */
export async function headOfAttachment(key: string): Promise<{ bytes: Uint8Array; contentType: string | undefined } | null> {
  try {
    const result = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key, Range: `bytes=0-${SNIFF_BYTES - 1}` }));
    return { bytes: await result.Body!.transformToByteArray(), contentType: result.ContentType };
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/**
 * The whole original; null when it never arrived; `quarantined` when the malware scan tagged it
 * THREATS_FOUND, which the bucket policy makes unreadable to everyone (a 403 that is not "missing").
 */
export async function readAttachment(key: string): Promise<{ bytes: Uint8Array; contentType: string | undefined } | { quarantined: true } | null> {
  try {
    const result = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    return { bytes: await result.Body!.transformToByteArray(), contentType: result.ContentType };
  } catch (error) {
    if (httpStatus(error) === 403 && (await scanVerdict(key)) === 'threat') return { quarantined: true };
    if (isMissing(error)) return null;
    throw error;
  }
}


/** Writes a viewing copy (idempotent: the same original always gives the same bytes under the same key). */
export async function putViewingCopy(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: bytes, ContentType: contentType }));
}

/**
 * The processed attachments and their audit entry (each original's SHA-256) in one
 * conditional write: once per tip, so a redelivery appends no second entry.
 */
export async function recordAttachments(tipId: string, records: readonly ProcessedAttachment[], audit: AuditEntry): Promise<'recorded' | 'already'> {
  try {
    await documents.send(
      new UpdateCommand({
        TableName: TIPS,
        Key: { tipId },
        UpdateExpression: 'SET attachments = :a, history = list_append(if_not_exists(history, :empty), :entry)',
        ConditionExpression: 'attribute_exists(tipId) AND attribute_not_exists(attachments)',
        ExpressionAttributeValues: { ':a': records, ':empty': [], ':entry': [audit] },
      }),
    );
    return 'recorded';
  } catch (error) {
    if (isConditionalCheckFailed(error)) return 'already';
    throw error;
  }
}

/**
 * A late file's record in place of its placeholder, with its audit entry, in one conditional
 * write: only while that slot still awaits this key, so a repeated re-check appends nothing.
 */
export async function recordLateAttachment(tipId: string, index: number, record: ProcessedAttachment, audit: AuditEntry): Promise<'recorded' | 'already'> {
  try {
    await documents.send(
      new UpdateCommand({
        TableName: TIPS,
        Key: { tipId },
        UpdateExpression: `SET attachments[${index}] = :record, history = list_append(if_not_exists(history, :empty), :entry)`,
        ConditionExpression: `attachments[${index}].#key = :key AND attachments[${index}].awaiting = :true`,
        ExpressionAttributeNames: { '#key': 'key' },
        ExpressionAttributeValues: { ':record': record, ':key': record.key, ':true': true, ':empty': [], ':entry': [audit] },
      }),
    );
    return 'recorded';
  } catch (error) {
    if (isConditionalCheckFailed(error)) return 'already';
    throw error;
  }
}

/** A 15-minute link to any evidence-bucket key (viewing copy for everyone; the original for coordinators). */
export async function evidenceLink(key: string, downloadName?: string): Promise<string> {
  return getSignedUrl(
    presigner,
    new GetObjectCommand({ Bucket: BUCKET, Key: key, ...(downloadName === undefined ? {} : { ResponseContentDisposition: `attachment; filename="${downloadName}"` }) }),
    { expiresIn: 15 * 60 },
  );
}


/** The scan verdict from the original's tag: `clean` only for NO_THREATS_FOUND; anything else is not shown. */
export async function scanVerdict(key: string): Promise<'clean' | 'threat' | 'pending'> {
  try {
    const { TagSet } = await s3.send(new GetObjectTaggingCommand({ Bucket: BUCKET, Key: key }));
    const status = TagSet?.find((tag) => tag.Key === SCAN_TAG)?.Value;
    if (status === 'NO_THREATS_FOUND') return 'clean';
    if (status === 'THREATS_FOUND') return 'threat';
    return 'pending'; // Not scanned yet, or UNSUPPORTED / ACCESS_DENIED / FAILED: never shown on a guess.
  } catch (error) {
    if (isMissing(error)) return 'pending';
    throw error;
  }
}

/** What an investigator sees of one attachment (its schema is in shared/schemas/responses.ts, with the API's other answers). */
export type { AttachmentView };

export const PHOTO_LABEL = "from the photo's metadata";

export async function attachmentViews(records: readonly ProcessedAttachment[]): Promise<AttachmentView[]> {
  return Promise.all(
    records.map(async (record, index): Promise<AttachmentView> => {
      // Not uploaded yet: nothing to scan, hash or show until the pipeline's re-check finds it.
      if (record.awaiting === true) return { index, type: null, size: 0, sha256: '', status: 'awaiting', scan: 'not uploaded yet' };
      const scan = record.scan === 'local' ? 'local' : await scanVerdict(record.key);
      const base = {
        index,
        type: record.type,
        size: record.size,
        sha256: record.sha256,
        scan: scan === 'local' ? 'not scanned (local stack)' : scan,
        ...(record.photo === undefined ? {} : { photo: { ...record.photo, label: PHOTO_LABEL } }),
        ...(record.pdfTextChars === undefined ? {} : { pdfTextChars: record.pdfTextChars }),
      };
      if (scan === 'threat') return { ...base, status: 'threat' };
      if (record.refused !== undefined) return { ...base, status: 'refused', refused: record.refused };
      if (scan === 'pending') return { ...base, status: 'scan-pending' };
      if (record.viewingKey === undefined) return { ...base, status: 'original-only' };
      // A PDF's copy is a download (never inline: local/media-headers.ts and the bucket's headers).
      const key = record.viewingKey;
      const contentType = record.viewingType ?? record.type ?? 'application/octet-stream';
      const preview = {
        url: await evidenceLink(key),
        contentType,
        ...(record.width === undefined ? {} : { width: record.width }),
        ...(record.height === undefined ? {} : { height: record.height }),
      };
      return { ...base, status: 'shown', preview };
    }),
  );
}

/**
 * Appends a coordinator's download of an original to the tip's audit trail (with a version
 * bump, as every audited change: shared/store/triage.ts), rolling the history first when due.
 * False when the tip changed in between (the caller answers 409 and the coordinator retries).
 */
export async function auditOriginalDownload(item: StoredTip, entry: AuditEntry): Promise<boolean> {
  await rollHistory(item);
  const fresh = (await getTip(item.tipId)) ?? item;
  try {
    await documents.send(
      new UpdateCommand({
        TableName: TIPS,
        Key: { tipId: fresh.tipId },
        // A duplicate is never classified, so it may have no version yet: its first audited change makes it 1.
        UpdateExpression: 'SET version = if_not_exists(version, :zero) + :one, history = list_append(if_not_exists(history, :empty), :entry)',
        ConditionExpression: `${typeof fresh.version === 'number' ? 'version = :version' : 'attribute_not_exists(version)'} AND (attribute_not_exists(history) OR size(history) < :maxHistory)`,
        ExpressionAttributeValues: {
          ':zero': 0,
          ':one': 1,
          ':empty': [],
          ':entry': [entry],
          ':maxHistory': limits.maxHistoryEntries,
          ...(typeof fresh.version === 'number' ? { ':version': fresh.version } : {}),
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}
