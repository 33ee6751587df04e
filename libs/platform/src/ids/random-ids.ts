import { randomBytes, randomInt, randomUUID } from 'node:crypto';

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export function randomLowerAlnum(length: number): string {
  return randomString(LOWER_ALNUM, length);
}

/** AWS-style unique ids and access key ids: a 4-letter prefix and 16 base32 characters. */
export function randomAwsId(prefix: 'AKIA' | 'ASIA' | 'AIDA' | 'AROA' | 'ANPA'): string {
  return prefix + randomString(UPPER_ALNUM, 16);
}

/** A 40-character secret access key. */
export function randomSecretAccessKey(): string {
  return randomBytes(30).toString('base64').replace(/\+/g, 'x').replace(/\//g, 'Y');
}

export function randomAccountId(): string {
  return String(randomInt(1, 10)) + randomString('0123456789', 11);
}

export function newUuid(): string {
  return randomUUID();
}
