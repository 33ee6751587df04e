import { createHash, type KeyObject, sign, verify } from 'node:crypto';
import { type DigestDocument } from './digest-document';

/**
 * The string CloudTrail signs for a digest (delivery.md §4): end time, `bucket/key`, hex SHA-256 of
 * the uncompressed digest bytes, and the previous signature or the four letters `null`.
 */
export function digestStringToSign(
  document: Pick<DigestDocument, 'digestEndTime' | 'digestS3Bucket' | 'digestS3Object'> & {
    readonly previousDigestSignature: string | null;
  },
  uncompressed: Buffer,
): string {
  return [
    document.digestEndTime,
    `${document.digestS3Bucket}/${document.digestS3Object}`,
    sha256Hex(uncompressed),
    document.previousDigestSignature ?? 'null',
  ].join('\n');
}

/** SHA256withRSA (RSASSA-PKCS1-v1_5 over SHA-256) of the UTF-8 string, hex. */
export function signDigestString(stringToSign: string, privateKey: KeyObject): string {
  return sign('sha256', Buffer.from(stringToSign, 'utf8'), privateKey).toString('hex');
}

export function verifyDigestString(stringToSign: string, signature: Buffer, publicKey: KeyObject): boolean {
  return verify('sha256', Buffer.from(stringToSign, 'utf8'), publicKey, signature);
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
