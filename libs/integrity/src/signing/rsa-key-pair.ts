import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import { publicKeyFingerprint } from '../domain/public-key';

const generateRsaKeyPair = promisify(generateKeyPair);

/** A fresh signing key pair, in the forms it is stored in. */
export interface GeneratedKeyPair {
  /** PKCS#1 `RSAPublicKey` DER: what ListPublicKeys serves (a SubjectPublicKeyInfo fails the validator). */
  readonly publicKeyDer: Buffer;
  readonly fingerprint: string;
  /** PKCS#8 PEM; sealed before it is stored. */
  readonly privateKeyPem: string;
}

/** An RSA-2048 key pair (exponent 65537) for SHA256withRSA digest signatures. */
export async function generateSigningKeyPair(): Promise<GeneratedKeyPair> {
  const { publicKey, privateKey } = await generateRsaKeyPair('rsa', {
    modulusLength: 2048,
    publicExponent: 0x10001,
    publicKeyEncoding: { type: 'pkcs1', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKeyDer: publicKey, fingerprint: publicKeyFingerprint(publicKey), privateKeyPem: privateKey };
}
