import { Agent, type IncomingHttpHeaders, request } from 'node:http';
import { signRequest } from '@app/sigv4';
import { type BenchCredentials } from './bench-app';

export interface SignedResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  json<T>(): T;
}

/**
 * An HTTP client that signs every request with SigV4 (`signRequest` from @app/sigv4), as an AWS
 * SDK would, over keep-alive connections. REST calls sign for `trailplane`, AWS JSON calls for
 * `cloudtrail`; the credential scope's Region is the Region acted in.
 */
export class SignedClient {
  private readonly agent: Agent;
  private readonly ownsAgent: boolean;

  constructor(
    private readonly baseUrl: string,
    readonly credentials: BenchCredentials,
    readonly region = 'us-east-1',
    sharedAgent?: Agent,
  ) {
    this.agent = sharedAgent ?? new Agent({ keepAlive: true, maxSockets: 64 });
    this.ownsAgent = sharedAgent === undefined;
  }

  /** The same caller in another Region, over this client's connections. */
  inRegion(region: string): SignedClient {
    return new SignedClient(this.baseUrl, this.credentials, region, this.agent);
  }

  /** Another caller over this client's connections (many accounts, one connection pool). */
  as(credentials: BenchCredentials, region = this.region): SignedClient {
    return new SignedClient(this.baseUrl, credentials, region, this.agent);
  }

  /** Headers of one signed request (for load generators that replay a request unchanged). */
  sign(
    method: string,
    path: string,
    body: string | undefined,
    headers: Record<string, string> = {},
    service = 'trailplane',
  ): Record<string, string> {
    const url = new URL(path, this.baseUrl);
    const base = {
      host: url.host,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    };
    return {
      ...base,
      ...signRequest({
        accessKeyId: this.credentials.accessKeyId,
        secretAccessKey: this.credentials.secretAccessKey,
        region: this.region,
        service,
        now: new Date(),
        method,
        url,
        headers: base,
        body,
      }),
    };
  }

  rest(method: string, path: string, body?: object): Promise<SignedResponse> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return this.send(method, path, payload, this.sign(method, path, payload));
  }

  /** An AWS JSON 1.1 CloudTrail call (`CloudTrail_20131101.<operation>`). */
  cloudtrail(operation: string, input: object): Promise<SignedResponse> {
    const payload = JSON.stringify(input);
    const headers = cloudTrailHeaders(operation);
    return this.send('POST', '/', payload, this.sign('POST', '/', payload, headers, 'cloudtrail'));
  }

  /** Closes the connections, unless they belong to the client this one was derived from. */
  close(): void {
    if (this.ownsAgent) this.agent.destroy();
  }

  /** Sends a request signed beforehand (`sign`), e.g. to time the call without the signing. */
  send(
    method: string,
    path: string,
    body: string | undefined,
    headers: Record<string, string>,
  ): Promise<SignedResponse> {
    return new Promise((resolve, reject) => {
      const req = request(new URL(path, this.baseUrl), { method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: <T>() => JSON.parse(text) as T,
          });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }
}

export function cloudTrailHeaders(operation: string): Record<string, string> {
  return {
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': `CloudTrail_20131101.${operation}`,
  };
}

/** Fails loudly when a setup call did not answer `status`. */
export function expectStatus(response: SignedResponse, status: number, what: string): SignedResponse {
  if (response.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${response.status}: ${response.text.slice(0, 300)}`);
  }
  return response;
}
