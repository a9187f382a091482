import type { JsonResponse } from '../lib/http.ts';

/** What the console's views share with main.ts: the signed-in API call and the display helpers, defined once there. */
export interface ConsoleShared {
  readonly api: <T>(path: string, init?: RequestInit) => Promise<JsonResponse<T>>;
  readonly describe: (error: unknown) => string;
  readonly formatTime: (iso: string) => string;
  readonly formatConfidence: (value: number | null | undefined) => string;
  readonly excerpt: (text: string, max: number) => string;
  readonly objectTitle: (objectId: string) => string;
  /** An object's picture, title and id (./object-label.ts), for every place an object id appears. */
  readonly objectLabel: (objectId: string) => HTMLElement;
  readonly openTip: (tipId: string) => Promise<void>;
  readonly statusLabel: (status: string) => string;
}
