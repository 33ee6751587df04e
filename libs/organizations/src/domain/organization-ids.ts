import { InvalidInputError } from './organization.errors';

/*
 * Organizations identifiers (cloudtrail.md §5): formats, generation and input checks. Randomness
 * comes in as a parameter so these stay pure; callers pass the platform's `randomLowerAlnum`.
 */

/** Returns `length` random characters of [a-z0-9]. */
export type RandomAlnum = (length: number) => string;

const ACCOUNT_ID = /^\d{12}$/;
const ROOT_ID = /^r-[0-9a-z]{4,32}$/;
const OU_ID = /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/;
const CREATE_ACCOUNT_REQUEST_ID = /^car-[a-z0-9]{8,32}$/;
const HANDSHAKE_ID = /^h-[0-9a-z]{8,32}$/;

export function newOrganizationId(random: RandomAlnum): string {
  return `o-${random(10)}`;
}

export function newRootId(random: RandomAlnum): string {
  return `r-${random(4)}`;
}

/** An OU id embeds the suffix of its organization's root: `ou-<root suffix>-<8 characters>`. */
export function newOrganizationalUnitId(rootId: string, random: RandomAlnum): string {
  return `ou-${rootId.slice('r-'.length)}-${random(8)}`;
}

export function newCreateAccountRequestId(random: RandomAlnum): string {
  return `car-${random(32)}`;
}

export function newHandshakeId(random: RandomAlnum): string {
  return `h-${random(32)}`;
}

export function isAccountId(value: string): boolean {
  return ACCOUNT_ID.test(value);
}

export function isRootId(value: string): boolean {
  return ROOT_ID.test(value);
}

export function isOrganizationalUnitId(value: string): boolean {
  return OU_ID.test(value);
}

function assertPattern(ok: boolean, field: string, value: string): void {
  if (!ok) {
    throw new InvalidInputError(
      'INVALID_PATTERN',
      `${field} ${JSON.stringify(value.slice(0, 100))} doesn't match the required pattern.`,
    );
  }
}

export function assertAccountId(value: string, field = 'AccountId'): void {
  assertPattern(isAccountId(value), field, value);
}

/** A root (`r-…`) or an OU (`ou-…-…`). */
export function assertParentId(value: string, field = 'ParentId'): void {
  assertPattern(isRootId(value) || isOrganizationalUnitId(value), field, value);
}

/** An account or an OU (ListParents' ChildId). */
export function assertChildId(value: string): void {
  assertPattern(isAccountId(value) || isOrganizationalUnitId(value), 'ChildId', value);
}

export function assertOrganizationalUnitId(value: string): void {
  assertPattern(isOrganizationalUnitId(value), 'OrganizationalUnitId', value);
}

export function assertCreateAccountRequestId(value: string): void {
  assertPattern(CREATE_ACCOUNT_REQUEST_ID.test(value), 'CreateAccountRequestId', value);
}

export function assertHandshakeId(value: string): void {
  assertPattern(HANDSHAKE_ID.test(value), 'HandshakeId', value);
}
