import { createHash, createHmac } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';
import { type TestCredentials } from '../../support/credentials';

/** One request exactly as it goes on the wire: the raw path, headers and body bytes. */
export interface WireRequest {
  readonly method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path as sent (already percent-encoded, never normalised by us). */
  readonly path: string;
  /** Decoded query parameters; encoded strictly (RFC 3986) on the wire and when signing. */
  readonly query?: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** SigV4 signing name and Region. */
  readonly service: string;
  readonly region: string;
}

export interface WireResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
  readonly text: string;
}

/** SHA-256 / HMAC-SHA256 for the SDK signer, on Node's crypto (the SDK's pure-JS one is slow on 1 MiB). */
class NodeSha256 {
  private hash;
  constructor(private readonly secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = this.fresh();
  }
  private fresh(): ReturnType<typeof createHash> | ReturnType<typeof createHmac> {
    if (this.secret === undefined) return createHash('sha256');
    const key =
      typeof this.secret === 'string'
        ? this.secret
        : ArrayBuffer.isView(this.secret)
          ? Buffer.from(this.secret.buffer, this.secret.byteOffset, this.secret.byteLength)
          : Buffer.from(this.secret);
    return createHmac('sha256', key);
  }
  update(chunk: string | Uint8Array): void {
    this.hash.update(chunk);
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

/** RFC 3986 encoding, as SigV4 canonicalises query parameters. */
export function strictEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Sends signed requests the way an SDK would sign them (the SDK's own SigV4 signer), over a
 * keep-alive agent, with full control of the bytes: invalid UTF-8, duplicate keys, any size.
 */
export class SignedWire {
  private readonly agent: Agent;
  private readonly host: string;
  private readonly port: number;

  constructor(baseUrl: string, maxSockets: number) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  async send(credentials: TestCredentials, request: WireRequest, timeoutMs = 30_000): Promise<WireResponse> {
    const headers = await this.sign(credentials, request);
    const query = Object.entries(request.query ?? {})
      .map(([key, value]) => `${strictEncode(key)}=${strictEncode(value)}`)
      .join('&');
    const path = query ? `${request.path}?${query}` : request.path;
    return new Promise<WireResponse>((resolve, reject) => {
      const outgoing = httpRequest(
        {
          host: this.host,
          port: this.port,
          method: request.method,
          path,
          agent: this.agent,
          headers: { ...headers, 'content-length': String(request.body.length) },
          timeout: timeoutMs,
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', reject);
          incoming.on('end', () => {
            const body = Buffer.concat(chunks);
            resolve({
              status: incoming.statusCode ?? 0,
              headers: incoming.headers,
              body,
              text: body.toString('utf8'),
            });
          });
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      outgoing.on('error', reject);
      outgoing.end(request.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }

  private async sign(credentials: TestCredentials, request: WireRequest): Promise<Record<string, string>> {
    const signer = new SignatureV4({
      service: request.service,
      region: request.region,
      credentials,
      sha256: NodeSha256,
      // S3 signs the path exactly as sent; every other service encodes it once more.
      uriEscapePath: request.service !== 's3',
    });
    const signed = await signer.sign({
      method: request.method,
      protocol: 'http:',
      hostname: this.host,
      port: this.port,
      path: request.path,
      query: { ...request.query },
      headers: { host: `${this.host}:${this.port}`, ...request.headers },
      body: request.body,
    });
    return signed.headers;
  }
}
