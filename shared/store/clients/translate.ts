import { TranslateClient } from '@aws-sdk/client-translate';
import { requestHandler } from './http.ts';

/** Amazon Translate (AWS only: there is no local emulator), built once per execution environment. See ./http.ts. */
export const translate = /* @__PURE__ */ new TranslateClient({ maxAttempts: 4, retryMode: 'standard', requestHandler });
