import { randomBytes } from 'node:crypto';
import { InvalidPageTokenError, PageTokenCodec } from './page-token';

describe(PageTokenCodec.name, () => {
  const sut = new PageTokenCodec(randomBytes(32));

  it('returns the position a token was issued for in its own scope', () => {
    const token = sut.encode({ scope: 'ListAccounts/o-abc/111122223333', position: '444455556666' });
    expect(sut.decode(token, 'ListAccounts/o-abc/111122223333')).toBe('444455556666');
  });

  it('rejects a token replayed against another scope', () => {
    const token = sut.encode({ scope: 'ListAccounts/o-abc/111122223333', position: 'x' });
    expect(() => sut.decode(token, 'ListAccounts/o-abc/999999999999')).toThrow(InvalidPageTokenError);
  });

  it('rejects an edited body, an edited signature and garbage', () => {
    const token = sut.encode({ scope: 's', position: 'a' });
    const [, mac] = token.split('.');
    const forgedBody = Buffer.from(JSON.stringify({ v: 1, p: 'z' })).toString('base64url');
    expect(() => sut.decode(`${forgedBody}.${mac}`, 's')).toThrow(InvalidPageTokenError);
    expect(() => sut.decode(`${token.slice(0, -2)}AA`, 's')).toThrow(InvalidPageTokenError);
    for (const junk of ['', '.', 'abc', 'a.b.c', '%%%.%%%']) {
      expect(() => sut.decode(junk, 's')).toThrow(InvalidPageTokenError);
    }
  });

  it('rejects tokens of a codec with another key', () => {
    const other = new PageTokenCodec(randomBytes(32));
    expect(() => sut.decode(other.encode({ scope: 's', position: 'a' }), 's')).toThrow(InvalidPageTokenError);
  });

  it('derives the same key from the hex and base64 forms of one master key', () => {
    const master = randomBytes(32);
    const fromHex = PageTokenCodec.fromMasterKey(master.toString('hex'));
    const fromBase64 = PageTokenCodec.fromMasterKey(master.toString('base64'));
    expect(fromBase64.decode(fromHex.encode({ scope: 's', position: 'p' }), 's')).toBe('p');
    expect(() => PageTokenCodec.fromMasterKey(Buffer.alloc(16))).toThrow();
  });
});
