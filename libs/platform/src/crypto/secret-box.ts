import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const MAX_OPENED = 10_000;

/**
 * Encrypts secrets at rest (access keys' secrets, session secrets) with AES-256-GCM under the
 * master key. The stored form is `v1.<iv>.<tag>.<ciphertext>` in base64url, so keys can rotate.
 */
export class SecretBox {
  private readonly key: Buffer;
  /**
   * Opened secrets by sealed form. Authentication opens the caller's secret on every request, and
   * setting up AES-GCM costs more than the rest of that lookup; a sealed form always opens to the
   * same secret, so nothing here ever goes stale. Bounded, oldest dropped first.
   */
  private readonly opened = new Map<string, string>();

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('The master key must be 32 bytes');
    this.key = masterKey;
  }

  static fromEncoded(encoded: string): SecretBox {
    return new SecretBox(
      /^[0-9a-fA-F]{64}$/.test(encoded) ? Buffer.from(encoded, 'hex') : Buffer.from(encoded, 'base64'),
    );
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  open(sealed: string): string {
    const known = this.opened.get(sealed);
    if (known !== undefined) return known;
    const secret = this.decrypt(sealed);
    this.opened.set(sealed, secret);
    if (this.opened.size > MAX_OPENED) this.opened.delete(this.opened.keys().next().value as string);
    return secret;
  }

  private decrypt(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('Unreadable sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }
}
