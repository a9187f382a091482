/**
 * Deployment hook: /assets/config.json says how investigators sign in.
 *
 *   { "authMode": "paste" }                                   local: paste a minted token
 *   { "authMode": "cognito", "cognitoDomain": "tipline-auth.auth.eu-west-1.amazoncognito.com",
 *     "clientId": "…", "redirectUri": "https://…/console" }  AWS: Cognito hosted UI
 *
 * CDK (or whoever deploys the site) overwrites the file; the build writes the
 * local default. Only 'paste' is exercised locally.
 */
export interface ConsoleConfig {
  readonly authMode: 'paste' | 'cognito';
  readonly cognitoDomain?: string;
  readonly clientId?: string;
  readonly redirectUri?: string;
}

export const DEFAULT_CONFIG: ConsoleConfig = { authMode: 'paste' };

export async function loadConfig(): Promise<ConsoleConfig> {
  try {
    const response = await fetch('/assets/config.json', { cache: 'no-store' });
    if (!response.ok) return DEFAULT_CONFIG;
    const raw = (await response.json()) as Record<string, unknown>;
    if (raw.authMode === 'cognito' && typeof raw.cognitoDomain === 'string' && typeof raw.clientId === 'string') {
      return {
        authMode: 'cognito',
        cognitoDomain: raw.cognitoDomain,
        clientId: raw.clientId,
        ...(typeof raw.redirectUri === 'string' ? { redirectUri: raw.redirectUri } : {}),
      };
    }
    return DEFAULT_CONFIG;
  } catch {
    return DEFAULT_CONFIG;
  }
}

/** The hosted UI's login URL (implicit flow: the id token comes back in the URL fragment). */
export function cognitoLoginUrl(config: ConsoleConfig, origin: string): string {
  const redirect = config.redirectUri ?? `${origin}/console`;
  const params = new URLSearchParams({ client_id: config.clientId ?? '', response_type: 'token', scope: 'openid email profile', redirect_uri: redirect });
  return `https://${config.cognitoDomain ?? ''}/login?${params.toString()}`;
}

/** Reads `#id_token=…` after the hosted UI redirects back. */
export function tokenFromFragment(hash: string): string | null {
  if (!hash.includes('id_token=')) return null;
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get('id_token');
}
