import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import request, { type Response } from 'supertest';
import { type TestCredentials } from './credentials';

export interface SignOptions {
  region?: string;
  service?: string;
  headers?: Record<string, string>;
  /** Sign as of this moment (clock-skew tests). */
  signingDate?: Date;
}

/**
 * Signs a request with the AWS SDK's own SigV4 signer and sends it with supertest: the same
 * bytes a real client would put on the wire.
 */
export async function signHeaders(
  baseUrl: string,
  credentials: TestCredentials,
  method: string,
  pathWithQuery: string,
  payload: string | undefined,
  options: SignOptions = {},
): Promise<Record<string, string>> {
  const url = new URL(pathWithQuery, baseUrl);
  const headers: Record<string, string> = {
    host: url.host,
    ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
    ...options.headers,
  };
  const signer = new SignatureV4({
    service: options.service ?? 'trailplane',
    region: options.region ?? 'us-east-1',
    credentials,
    sha256: Sha256,
  });
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const existing = query[key];
    query[key] = existing === undefined ? value : ([] as string[]).concat(existing, value);
  }
  const signed = await signer.sign(
    {
      method,
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query,
      headers,
      body: payload,
    },
    { signingDate: options.signingDate },
  );
  return Object.fromEntries(Object.entries(signed.headers).filter(([name]) => name !== 'host'));
}

/**
 * Signs a request with the AWS SDK's own SigV4 signer and sends it with supertest: the same
 * bytes a real client would put on the wire.
 */
export async function signedRequest(
  baseUrl: string,
  credentials: TestCredentials,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH',
  pathWithQuery: string,
  body?: string | object,
  options: SignOptions = {},
): Promise<Response> {
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  const headers = await signHeaders(baseUrl, credentials, method, pathWithQuery, payload, options);
  const test = request(baseUrl)[method.toLowerCase() as 'get'](pathWithQuery).set(headers);
  return payload === undefined ? test : test.send(payload);
}

/** A REST client bound to one identity and Region. */
export class RestClient {
  constructor(
    private readonly baseUrl: string,
    readonly credentials: TestCredentials,
    private readonly region = 'us-east-1',
  ) {}

  get(path: string): Promise<Response> {
    return signedRequest(this.baseUrl, this.credentials, 'GET', path, undefined, { region: this.region });
  }
  post(path: string, body: object = {}): Promise<Response> {
    return signedRequest(this.baseUrl, this.credentials, 'POST', path, body, { region: this.region });
  }
  put(path: string, body?: object): Promise<Response> {
    return signedRequest(this.baseUrl, this.credentials, 'PUT', path, body, { region: this.region });
  }
  patch(path: string, body: object): Promise<Response> {
    return signedRequest(this.baseUrl, this.credentials, 'PATCH', path, body, { region: this.region });
  }
  delete(path: string): Promise<Response> {
    return signedRequest(this.baseUrl, this.credentials, 'DELETE', path, undefined, { region: this.region });
  }
  inRegion(region: string): RestClient {
    return new RestClient(this.baseUrl, this.credentials, region);
  }
}
