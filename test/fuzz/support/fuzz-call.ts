import fc from 'fast-check';
import { type TestCredentials } from '../../support/credentials';
import { type Protocol } from './protocol-shape';
import { type WireRequest, type WireResponse } from './signed-wire';

/** A caller the suite signs as: valid credentials of a real account (the property is input handling, not auth). */
export interface Identity {
  readonly name: string;
  readonly credentials: TestCredentials;
}

/** One generated request: who sends it, in which protocol, and the exact bytes. */
export interface FuzzCall {
  readonly identity: Identity;
  /** The protocol the request speaks, hence the error shape it must get back. */
  readonly protocol: Protocol;
  readonly wire: WireRequest;
  /** What kind of hostile body it carries (`structured`, `invalid-utf8`, `size-262145`, …). */
  readonly bodyKind: string;
  /** The request names no operation (unknown X-Amz-Target, unrouted path or method): it must get a 4xx. */
  readonly mustRefuse?: boolean;
}

function preview(bytes: Buffer, max = 400): string {
  const text = bytes.subarray(0, max).toString('utf8');
  const escaped = JSON.stringify(text);
  return bytes.length > max ? `${escaped}… (${bytes.length} bytes)` : escaped;
}

export function describeCall(call: FuzzCall): string {
  const query = Object.keys(call.wire.query ?? {}).length ? ` query=${JSON.stringify(call.wire.query)}` : '';
  return [
    `${call.wire.method} ${call.wire.path}${query} as ${call.identity.name} (${call.wire.service}/${call.wire.region})`,
    `headers=${JSON.stringify(call.wire.headers)}`,
    `body[${call.bodyKind}]=${preview(call.wire.body)}`,
  ].join('\n    ');
}

export function describeResponse(response: WireResponse): string {
  const type = response.headers['content-type'];
  return `HTTP ${response.status} content-type=${JSON.stringify(type)} body=${preview(response.body, 600)}`;
}

/** Gives a call a readable form in fast-check's counterexample (never a 1 MiB buffer dump). */
export function printable(call: FuzzCall): FuzzCall {
  const withText: FuzzCall & { [fc.toStringMethod]: () => string } = {
    ...call,
    [fc.toStringMethod]: () => describeCall(call),
  };
  return withText;
}
