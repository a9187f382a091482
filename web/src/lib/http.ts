/** JSON over fetch, same origin. Errors carry the status and the API's body. */
export interface ApiIssue {
  readonly path: string;
  readonly message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;
  constructor(status: number, body: Record<string, unknown>) {
    super(typeof body.error === 'string' ? body.error : typeof body.message === 'string' ? body.message : `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
  get issues(): ApiIssue[] {
    const issues = this.body.issues;
    if (!Array.isArray(issues)) return [];
    return issues
      .filter((issue): issue is Record<string, unknown> => typeof issue === 'object' && issue !== null)
      .map((issue) => ({ path: String(issue.path ?? ''), message: String(issue.message ?? '') }));
  }
}

/** The request never got an answer (offline, blocked, server down). */
export class NetworkError extends Error {}

export interface JsonResponse<T> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export async function requestJson<T>(url: string, init: RequestInit = {}): Promise<JsonResponse<T>> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', cache: 'no-store', ...init, headers: { accept: 'application/json', ...(init.headers as Record<string, string> | undefined) } });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  const text = await response.text();
  let body: unknown = {};
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      body = { error: text.slice(0, 200) };
    }
  }
  if (!response.ok) throw new ApiError(response.status, (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>);
  return { status: response.status, body: body as T, headers: response.headers };
}
