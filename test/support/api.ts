import { mintToken, type KeyPair } from '#local/jwt.ts';

export interface ApiResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/** A small client for the local API, as a tipster's browser or an investigator's curl would use it. */
export function apiClient(baseUrl: string) {
  async function call<T>(method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}): Promise<ApiResponse<T>> {
    const response = await fetch(`${baseUrl}${path}`, { method, redirect: 'manual', ...init });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: body as T, headers: response.headers };
  }
  return {
    call,
    postTip(tip: Record<string, unknown>, headers: Record<string, string> = {}) {
      return call<Record<string, unknown>>('POST', '/tips', {
        body: JSON.stringify(tip),
        headers: { 'content-type': 'application/json', ...headers },
      });
    },
    get<T = Record<string, unknown>>(path: string, token?: string) {
      return call<T>('GET', path, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
    },
  };
}

export const tokenFor = (keys: KeyPair, groups: string[], expiresInSeconds = 3600): Promise<string> =>
  mintToken(keys, { groups, expiresInSeconds });

/** Polls until `probe` returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (last !== undefined) return last;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

/** An investigator in `groups`, reading and patching tips over the API with their own token. */
export async function investigatorClient(api: ReturnType<typeof apiClient>, keys: KeyPair, groups: string[]) {
  const token = await mintToken(keys, { groups, sub: `sub-${groups.join('-')}`, username: groups.join('-') });
  const auth = { authorization: `Bearer ${token}` };
  return {
    get: <T = Record<string, any>>(path: string) => api.call<T>('GET', path, { headers: auth }),
    call: <T = Record<string, any>>(method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}) =>
      api.call<T>(method, path, { ...init, headers: { ...auth, ...init.headers } }),
    patch: <T = Record<string, any>>(path: string, body: unknown, version: number) =>
      api.call<T>('PATCH', path, { headers: { ...auth, 'content-type': 'application/json', 'if-match': `"${version}"` }, body: JSON.stringify(body) }),
  };
}
