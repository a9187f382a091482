import type { apiClient } from './api.ts';

type Json = Record<string, any>;

/** POST /tips/attachments then the presigned upload, as the public form does; returns the grant and the upload's status. */
export async function uploadAttachment(api: ReturnType<typeof apiClient>, bytes: Uint8Array, contentType: string): Promise<{ grant: Json; status: number; uploaded: number }> {
  const grant = await api.call<Json>('POST', '/tips/attachments', {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ contentType, size: bytes.length }),
  });
  if (grant.status !== 201) return { grant: grant.body, status: grant.status, uploaded: 0 };
  const body = new FormData();
  for (const [name, value] of Object.entries(grant.body.upload.fields as Record<string, string>)) body.append(name, value);
  body.append('file', new Blob([bytes], { type: contentType }), 'file');
  const uploaded = (await fetch(grant.body.upload.url as string, { method: 'POST', body })).status;
  return { grant: grant.body, status: grant.status, uploaded };
}
