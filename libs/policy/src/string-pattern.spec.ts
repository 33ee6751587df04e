import fc from 'fast-check';
import { MalformedPolicyError } from './malformed-policy.error';
import { parsePattern, StringPattern } from './string-pattern';

const wildcards = { wildcards: true, variables: false };
const everything = { wildcards: true, variables: true };

describe(StringPattern.name, () => {
  describe('wildcards', () => {
    it.each([
      [
        'arn:aws:cloudtrail:us-east-1:111111111111:trail/audit',
        'arn:aws:cloudtrail:us-east-1:111111111111:trail/audit',
        true,
      ],
      [
        'arn:aws:cloudtrail:us-east-1:111111111111:trail/audit',
        'arn:aws:cloudtrail:us-east-1:111111111111:trail/Audit',
        false,
      ],
      ['*', '', true],
      ['*', 'anything at all', true],
      ['trail/*', 'trail/', true],
      ['trail/*', 'trail/audit-1', true],
      ['trail/*', 'trails/audit-1', false],
      ['*-1', 'audit-1', true],
      ['*-1', 'audit-2', false],
      ['audit-?', 'audit-1', true],
      ['audit-?', 'audit-', false],
      ['audit-?', 'audit-12', false],
      ['a*b*c', 'abc', true],
      ['a*b*c', 'aXbYbZc', true],
      ['a*b*c', 'aXbYcZ', false],
      ['*a*a*a', 'aaaa', true],
      ['*ab*ab', 'abXabYab', true],
      ['?*?', 'x', false],
      ['?*?', 'xy', true],
      ['**', '', true],
    ])('%s against %s is %s', (source, value, expected) => {
      expect(StringPattern.compile(source, wildcards).matches(value, {})).toBe(expected);
    });

    it('agrees with a regular expression on random patterns and values', () => {
      const reference = (pattern: string) =>
        new RegExp(`^${pattern.replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 's');
      fc.assert(
        fc.property(
          fc.stringMatching(/^[ab*?:]{0,8}$/),
          fc.stringMatching(/^[ab:]{0,10}$/),
          (pattern, value) => {
            expect(StringPattern.compile(pattern, wildcards).matches(value, {})).toBe(
              reference(pattern).test(value),
            );
          },
        ),
        { numRuns: 5_000 },
      );
    });

    it('treats * and ? as text when the operator takes no wildcards (StringEquals)', () => {
      const pattern = StringPattern.compile('audit-*', { wildcards: false, variables: false });
      expect(pattern.matches('audit-*', {})).toBe(true);
      expect(pattern.matches('audit-1', {})).toBe(false);
    });

    it('matches a range of a longer string without copying it', () => {
      const pattern = StringPattern.compile('us-*-1', wildcards);
      const arn = 'arn:aws:cloudtrail:us-east-1:111111111111:trail/a';
      expect(pattern.matchesRange(arn, 19, 28, {})).toBe(true);
      expect(pattern.matchesRange(arn, 19, 27, {})).toBe(false);
    });

    it('compares ignoring case when asked to (…IgnoreCase operators)', () => {
      const pattern = StringPattern.compile('Blue-Team', { wildcards: false, variables: false }, true);
      expect(pattern.matches('BLUE-team', {})).toBe(true);
      expect(pattern.matches('BLUE-teams', {})).toBe(false);
      expect(
        StringPattern.compile('ÉQUIPE', { wildcards: false, variables: false }, true).matches('équipe', {}),
      ).toBe(true);
    });
  });

  describe('policy variables (iam.md §4)', () => {
    const context = { 'aws:username': 'alice', 'aws:PrincipalTag/team': 'blue', 'aws:TagKeys': ['env'] };

    it('substitutes a variable, matching its key case-insensitively', () => {
      const pattern = StringPattern.compile('trail/${aws:UserName}-*', everything);
      expect(pattern.isResolvable(context)).toBe(true);
      expect(pattern.matches('trail/alice-audit', context)).toBe(true);
      expect(pattern.matches('trail/bob-audit', context)).toBe(false);
    });

    it('treats the substituted value as text, never as wildcards', () => {
      const pattern = StringPattern.compile('team-${aws:PrincipalTag/team}', everything);
      expect(pattern.matches('team-*', { 'aws:PrincipalTag/team': '*' })).toBe(true);
      expect(pattern.matches('team-blue', { 'aws:PrincipalTag/team': '*' })).toBe(false);
    });

    it("uses the default of ${key, 'default'} when the key is absent", () => {
      const pattern = StringPattern.compile("team-${aws:PrincipalTag/project, 'none'}", everything);
      expect(pattern.matches('team-none', {})).toBe(true);
      expect(pattern.matches('team-x', { 'aws:PrincipalTag/project': 'x' })).toBe(true);
    });

    it('cannot be resolved when the key is absent, or has several values, and there is no default', () => {
      expect(StringPattern.compile('${aws:PrincipalTag/project}', everything).isResolvable(context)).toBe(
        false,
      );
      expect(StringPattern.compile('${aws:TagKeys}', everything).isResolvable(context)).toBe(false);
      expect(StringPattern.compile('${aws:username}', everything).isResolvable(context)).toBe(true);
    });

    it('reads ${*}, ${?} and ${$} as the literal characters', () => {
      const pattern = StringPattern.compile('${*}${?}${$}*', everything);
      expect(pattern.variables).toEqual([]);
      expect(pattern.matches('*?$', {})).toBe(true);
      expect(pattern.matches('*?$tail', {})).toBe(true);
      expect(pattern.matches('a?$', {})).toBe(false);
    });

    it('leaves ${…} as text when variables are disabled (Version 2008-10-17)', () => {
      const pattern = StringPattern.compile('trail/${aws:username}', wildcards);
      expect(pattern.matches('trail/${aws:username}', context)).toBe(true);
      expect(pattern.matches('trail/alice', context)).toBe(false);
    });

    it('reads a variable named like an object property as a variable', () => {
      const pattern = StringPattern.compile('${constructor}', everything);
      expect(pattern.variables).toHaveLength(1);
      expect(pattern.isResolvable({})).toBe(false);
    });

    it('rejects a malformed variable', () => {
      expect(() => parsePattern('${aws:username', everything)).toThrow(MalformedPolicyError);
      expect(() => parsePattern('${a,b}', everything)).toThrow(MalformedPolicyError);
    });
  });
});
