import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

describe(SecretBox.name, () => {
  const sut = new SecretBox(randomBytes(32));

  it('round-trips a secret without storing it in clear', () => {
    const sealed = sut.seal('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    expect(sealed).not.toContain('wJalrXUtnFEMI');
    expect(sut.open(sealed)).toBe('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
  });

  it('refuses a tampered ciphertext and another key', () => {
    const sealed = sut.seal('secret');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('x').toString('base64url');
    expect(() => sut.open(parts.join('.'))).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open(sealed)).toThrow();
  });

  it('accepts hex and base64 master keys', () => {
    const key = randomBytes(32);
    const sealed = SecretBox.fromEncoded(key.toString('hex')).seal('s');
    expect(SecretBox.fromEncoded(key.toString('base64')).open(sealed)).toBe('s');
  });
});
