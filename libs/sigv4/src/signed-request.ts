/**
 * A request as the server received it, before any decoding. With Node or Fastify:
 * `rawPath`/`rawQuery` are `req.url` split at the first '?', and `headers` should be
 * `req.headersDistinct` — `req.headers` joins a repeated header with ", " (SigV4 joins with ",")
 * and silently drops repeats of some headers.
 */
export interface IncomingSignedRequest {
  readonly method: string;
  /** The path exactly as received, still percent-encoded, without the query. */
  readonly rawPath: string;
  /** The query exactly as received, without the '?'. */
  readonly rawQuery: string;
  /** Lower-case header names; several values of one header as an array, in the order sent. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly body: Buffer;
}

/** What a request's signature claims; nothing in it has been verified yet. */
export interface ParsedSignature {
  readonly accessKeyId: string;
  /** `yyyymmdd` from the credential scope (equal to the date of `requestTime`). */
  readonly scopeDate: string;
  /** The credential scope's Region; the caller checks it against its Region catalogue. */
  readonly region: string;
  readonly service: string;
  /** The header names the client declared as signed, in its order. */
  readonly signedHeaders: readonly string[];
  /** 64 lower-case hex digits. */
  readonly signature: string;
  /** X-Amz-Date. */
  readonly requestTime: Date;
  /** X-Amz-Security-Token (header, or query parameter when presigned). */
  readonly securityToken?: string;
  /** True for the query-string (presigned URL) form. */
  readonly presigned: boolean;
  /** Presigned only: X-Amz-Date + X-Amz-Expires. */
  readonly expiresAt?: Date;
}
