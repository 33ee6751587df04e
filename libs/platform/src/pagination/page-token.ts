import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** Where a listing stopped, and which listing it belongs to (operation, caller, filters). */
export interface PageMark {
  readonly scope: string;
  readonly position: string;
}

/** A token that was not issued for this scope by this deployment, or was altered. */
export class InvalidPageTokenError extends Error {
  constructor() {
    super('The pagination token is invalid.');
  }
}

const VERSION = 1;
const KEY_INFO = 'trailplane/page-token/v1';

/**
 * Pagination tokens that clients must hand back unchanged: `<body>.<mac>` in base64url, where the
 * HMAC-SHA256 covers the scope as well as the body, so a token cannot be edited (to read past a
 * filter) nor replayed against another listing or caller. The scope itself is not in the token.
 */
export class PageTokenCodec {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length < 32) throw new Error('The page token key must be at least 32 bytes');
    this.key = Buffer.from(key);
  }

  /**
   * Derives the token key from the master key (32 bytes, or its hex or base64 text as in
   * TRAILPLANE_MASTER_KEY) with HKDF, so the master key itself never signs anything.
   */
  static fromMasterKey(masterKey: Buffer | string): PageTokenCodec {
    const raw =
      typeof masterKey !== 'string'
        ? masterKey
        : /^[0-9a-fA-F]{64}$/.test(masterKey)
          ? Buffer.from(masterKey, 'hex')
          : Buffer.from(masterKey, 'base64');
    if (raw.length !== 32) throw new Error('The master key must be 32 bytes');
    return new PageTokenCodec(Buffer.from(hkdfSync('sha256', raw, Buffer.alloc(0), KEY_INFO, 32)));
  }

  encode(mark: PageMark): string {
    const body = Buffer.from(JSON.stringify({ v: VERSION, p: mark.position }), 'utf8').toString('base64url');
    return `${body}.${this.mac(mark.scope, body).toString('base64url')}`;
  }

  /** The position `token` was issued for; throws InvalidPageTokenError for any other token. */
  decode(token: string, scope: string): string {
    const [body, mac, extra] = token.split('.');
    if (!body || !mac || extra !== undefined) throw new InvalidPageTokenError();
    const expected = this.mac(scope, body);
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new InvalidPageTokenError();
    const parsed: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (!isPayload(parsed)) throw new InvalidPageTokenError();
    return parsed.p;
  }

  private mac(scope: string, body: string): Buffer {
    return createHmac('sha256', this.key).update(scope).update('\n').update(body).digest();
  }
}

function isPayload(value: unknown): value is { v: number; p: string } {
  if (typeof value !== 'object' || value === null) return false;
  const { v, p } = value as { v?: unknown; p?: unknown };
  return v === VERSION && typeof p === 'string';
}
