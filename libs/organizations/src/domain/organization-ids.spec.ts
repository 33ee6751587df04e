import {
  assertAccountId,
  assertChildId,
  assertCreateAccountRequestId,
  assertHandshakeId,
  assertParentId,
  newCreateAccountRequestId,
  newHandshakeId,
  newOrganizationalUnitId,
  newOrganizationId,
  newRootId,
} from './organization-ids';

const random = (length: number): string => 'a1'.repeat(length).slice(0, length);

describe('Organizations ids', () => {
  it('forms ids in the formats of cloudtrail.md §5', () => {
    expect(newOrganizationId(random)).toMatch(/^o-[a-z0-9]{10}$/);
    expect(newRootId(random)).toMatch(/^r-[a-z0-9]{4}$/);
    expect(newCreateAccountRequestId(random)).toMatch(/^car-[a-z0-9]{32}$/);
    expect(newHandshakeId(random)).toMatch(/^h-[a-z0-9]{32}$/);
  });

  it('embeds the root suffix in an OU id', () => {
    expect(newOrganizationalUnitId('r-ab12', random)).toBe('ou-ab12-a1a1a1a1');
  });

  it.each([
    [() => assertAccountId('12345678901'), 'AccountId'],
    [() => assertAccountId('12345678901a'), 'AccountId'],
    [() => assertParentId('o-abcdefghij'), 'ParentId'],
    [() => assertParentId('ou-ab12-short'), 'ParentId'],
    [() => assertChildId('r-ab12'), 'ChildId'],
    [() => assertCreateAccountRequestId('car-UPPER000'), 'CreateAccountRequestId'],
    [() => assertHandshakeId('h-123'), 'HandshakeId'],
  ])('rejects a malformed %s with InvalidInputException INVALID_PATTERN', (check, field) => {
    expect(check).toThrow(
      expect.objectContaining({ code: 'InvalidInputException', fields: { Reason: 'INVALID_PATTERN' } }),
    );
    expect(check).toThrow(new RegExp(field));
  });

  it('accepts well-formed ids', () => {
    expect(() => assertAccountId('111122223333')).not.toThrow();
    expect(() => assertParentId('r-ab12')).not.toThrow();
    expect(() => assertParentId('ou-ab12-abcd1234')).not.toThrow();
    expect(() => assertChildId('111122223333')).not.toThrow();
    expect(() => assertChildId('ou-ab12-abcd1234')).not.toThrow();
    expect(() => assertCreateAccountRequestId(newCreateAccountRequestId(random))).not.toThrow();
    expect(() => assertHandshakeId(newHandshakeId(random))).not.toThrow();
  });
});
