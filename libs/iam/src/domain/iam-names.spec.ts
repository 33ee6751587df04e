import { IamValidationError } from './iam.errors';
import { assertRoleSessionName, assertUserName, normalizePath, normalizeTags } from './iam-names';

describe('IAM names, paths and tags', () => {
  it('accepts names of letters, digits and +=,.@_- up to 64 characters', () => {
    expect(() => assertUserName('alice.smith+ops@example_1-x')).not.toThrow();
    expect(() => assertUserName('a'.repeat(64))).not.toThrow();
  });

  it.each([[''], ['has space'], ['slash/name'], ['a'.repeat(65)]])(
    'refuses the user name %j with ValidationError',
    (name) => {
      expect(() => assertUserName(name)).toThrow(IamValidationError);
    },
  );

  it('words a refusal as AWS does', () => {
    expect(() => assertUserName('x'.repeat(65))).toThrow(
      `1 validation error detected: Value '${'x'.repeat(65)}' at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64`,
    );
  });

  it('defaults the path to / and requires it to start and end with a slash', () => {
    expect(normalizePath(undefined)).toBe('/');
    expect(normalizePath('/division/team/')).toBe('/division/team/');
    expect(() => normalizePath('division/')).toThrow(IamValidationError);
    expect(() => normalizePath('/division')).toThrow(IamValidationError);
  });

  it('allows session names of 2 to 64 characters', () => {
    expect(() => assertRoleSessionName('ab')).not.toThrow();
    expect(() => assertRoleSessionName('a')).toThrow(IamValidationError);
    expect(() => assertRoleSessionName('bad name')).toThrow(IamValidationError);
  });

  it('keeps tags unique ignoring case, with empty values allowed, at most 50', () => {
    expect(normalizeTags([{ key: 'team' }, { key: 'env', value: 'prod' }])).toEqual([
      { key: 'team', value: '' },
      { key: 'env', value: 'prod' },
    ]);
    expect(() => normalizeTags([{ key: 'Team' }, { key: 'team' }])).toThrow(IamValidationError);
    expect(() => normalizeTags(Array.from({ length: 51 }, (_, i) => ({ key: `k${i}` })))).toThrow(
      IamValidationError,
    );
  });
});
