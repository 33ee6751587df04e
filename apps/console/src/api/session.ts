import { type Credentials } from './signing';

/** What the tab keeps after signing in: temporary credentials only, never the long-term key. */
export interface Session {
  readonly credentials: Credentials & { readonly sessionToken: string };
  readonly expiration: string;
  readonly region: string;
  readonly accountId: string;
  readonly arn: string;
}

const KEY = 'trailplane.session';

export function loadSession(): Session | undefined {
  const text = sessionStorage.getItem(KEY);
  if (!text) return undefined;
  const session = JSON.parse(text) as Session;
  return new Date(session.expiration).getTime() > Date.now() ? session : undefined;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function forgetSession(): void {
  sessionStorage.removeItem(KEY);
}
