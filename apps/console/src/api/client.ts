import { type Session } from './session';
import { type Credentials, signedFetch, type SignedRequest } from './signing';

/** An error answered by the API: its code and readable message. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }

  /** The session's credentials are no longer accepted. */
  get expired(): boolean {
    return [
      'ExpiredTokenException',
      'ExpiredToken',
      'InvalidClientTokenId',
      'UnrecognizedClientException',
    ].includes(this.code);
  }
}

async function send<T>(credentials: Credentials, region: string, request: SignedRequest): Promise<T> {
  const response = await signedFetch(credentials, region, request);
  const text = await response.text();
  const body = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ApiError(
      error?.code ?? `HTTP ${response.status}`,
      error?.message ?? response.statusText,
      response.status,
    );
  }
  return body as T;
}

/** Calls the REST API as the signed-in session; an expired session calls `onExpired`. */
export class Api {
  constructor(
    private readonly session: Session,
    private readonly onExpired: (message: string) => void,
  ) {}

  get accountId(): string {
    return this.session.accountId;
  }

  get region(): string {
    return this.session.region;
  }

  call<T>(method: string, path: string, options: Omit<SignedRequest, 'method' | 'path'> = {}): Promise<T> {
    return this.watched(send<T>(this.session.credentials, this.session.region, { method, path, ...options }));
  }

  /** An object's bytes from the S3 store on this origin (path-style GetObject, signed for `s3`). */
  getObject(bucket: string, key: string): Promise<ArrayBuffer> {
    const path = `/${segment(bucket)}/${key.split('/').map(segment).join('/')}`;
    return this.watched(readObject(this.session.credentials, this.session.region, path));
  }

  get<T>(path: string, query?: Record<string, string | undefined>): Promise<T> {
    return this.call<T>('GET', path, { query });
  }

  private async watched<T>(call: Promise<T>): Promise<T> {
    try {
      return await call;
    } catch (error) {
      if (error instanceof ApiError && error.expired) {
        this.onExpired('Your session has expired. Sign in again.');
      }
      throw error;
    }
  }
}

async function readObject(credentials: Credentials, region: string, path: string): Promise<ArrayBuffer> {
  const response = await signedFetch(credentials, region, { method: 'GET', path, service: 's3' });
  if (response.ok) return response.arrayBuffer();
  // S3 answers errors as `<Error><Code/><Message/>…</Error>`.
  const document = new DOMParser().parseFromString(await response.text(), 'application/xml');
  const text = (name: string) => document.querySelector(`Error > ${name}`)?.textContent ?? undefined;
  throw new ApiError(
    text('Code') ?? `HTTP ${response.status}`,
    text('Message') ?? response.statusText,
    response.status,
  );
}

/** Exchanges a long-term key for temporary credentials (STS GetSessionToken over REST). */
export async function startSession(
  key: Credentials,
  region: string,
  durationSeconds: number,
): Promise<Session> {
  const { credentials } = await send<{
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string; expiration: string };
  }>(key, region, { method: 'POST', path: '/v1/sts/session-token', body: { durationSeconds } });
  const temporary = {
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    sessionToken: credentials.sessionToken,
  };
  const identity = await send<{ account: string; arn: string }>(temporary, region, {
    method: 'GET',
    path: '/v1/sts/caller-identity',
  });
  return {
    credentials: temporary,
    expiration: credentials.expiration,
    region,
    accountId: identity.account,
    arn: identity.arn,
  };
}

/** A path segment, escaped (trail ARNs hold `:` and `/`). */
export function segment(text: string): string {
  return encodeURIComponent(text);
}
