import { createHash, createPublicKey } from 'node:crypto';
import { generateSigningKeyPair } from './rsa-key-pair';

describe(generateSigningKeyPair.name, () => {
  it('makes an RSA-2048 pair whose public half is PKCS#1 DER fingerprinted by its MD5', async () => {
    const pair = await generateSigningKeyPair();
    const publicKey = createPublicKey({ key: pair.publicKeyDer, format: 'der', type: 'pkcs1' });
    expect(publicKey.asymmetricKeyDetails).toEqual({ modulusLength: 2048, publicExponent: 65537n });
    // PKCS#1 RSAPublicKey is a bare SEQUENCE of modulus and exponent: no algorithm identifier.
    expect(pair.publicKeyDer.includes(Buffer.from('2a864886f70d010101', 'hex'))).toBe(false);
    expect(pair.fingerprint).toBe(createHash('md5').update(pair.publicKeyDer).digest('hex'));
    expect(pair.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });
});
