import { randomBytes } from 'node:crypto';
import { PageTokenCodec } from '@app/platform';
import { OrganizationsPager } from './organizations.pager';

describe(OrganizationsPager.name, () => {
  const sut = new OrganizationsPager(new PageTokenCodec(randomBytes(32)));
  const ids = ['a', 'b', 'c', 'd', 'e'];

  /** A keyset listing over `ids`, read the way the use cases read: limit + 1 rows after the cursor. */
  function list(scope: string, input: { nextToken?: string; maxResults?: number }) {
    const cursor = sut.start(scope, input);
    const rows = ids
      .filter((id) => cursor.after === undefined || id > cursor.after)
      .slice(0, cursor.limit + 1);
    return sut.page(scope, rows, cursor, (id) => id);
  }

  it('walks every item once, two at a time, and ends without a token', () => {
    const first = list('s', { maxResults: 2 });
    const second = list('s', { maxResults: 2, nextToken: first.nextToken });
    const third = list('s', { maxResults: 2, nextToken: second.nextToken });

    expect([first.items, second.items, third.items]).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(third.nextToken).toBeUndefined();
  });

  it('gives no token when everything fits on one page', () => {
    expect(list('s', {})).toEqual({ items: ids });
  });

  it('rejects a token from another listing with InvalidInputException INVALID_NEXT_TOKEN', () => {
    const { nextToken } = list('ListAccounts/o-1/111122223333', { maxResults: 1 });

    expect(() => list('ListAccounts/o-1/444455556666', { nextToken })).toThrow(
      expect.objectContaining({ code: 'InvalidInputException', fields: { Reason: 'INVALID_NEXT_TOKEN' } }),
    );
  });

  it('rejects a signed position that does not parse as INVALID_NEXT_TOKEN', () => {
    expect(() => OrganizationsPager.parsed(undefined)).toThrow(
      expect.objectContaining({ fields: { Reason: 'INVALID_NEXT_TOKEN' } }),
    );
    expect(OrganizationsPager.parsed(1)).toBe(1);
  });
});
