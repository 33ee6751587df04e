import fc from 'fast-check';
import { TRAIL_NAME_PATTERN, trailNameProblem, validateTrailName } from './trail-name';

const rejection = (code: string, message: unknown = expect.any(String)) =>
  expect.objectContaining({ code, message });

describe(validateTrailName.name, () => {
  it.each([
    'abc',
    'my-trail',
    'My_Trail.2024',
    'a1b',
    '123',
    '1.2.3',
    '1.2.3.4.5',
    'a.b-c_d',
    'x'.repeat(128),
    'A'.repeat(64) + '-' + 'z'.repeat(63),
  ])('accepts %p', (name) => {
    expect(() => validateTrailName(name)).not.toThrow();
  });

  it.each([
    ['', 'Trail name too short. Minimum allowed length: 3 characters. Specified name length: 0 characters.'],
    [
      'ab',
      'Trail name too short. Minimum allowed length: 3 characters. Specified name length: 2 characters.',
    ],
    [
      'a'.repeat(129),
      'Trail name too long. Maximum allowed length: 128 characters. Specified name length: 129 characters.',
    ],
    ['-trail', 'Trail name must starts with a letter or number.'],
    ['_trail', 'Trail name must starts with a letter or number.'],
    ['.trail', 'Trail name must starts with a letter or number.'],
    ['trail-', 'Trail name must ends with a letter or number.'],
    ['trail.', 'Trail name must ends with a letter or number.'],
    [
      'my trail',
      'Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_).',
    ],
    [
      'my/trail',
      'Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_).',
    ],
    [
      'tr\u00e4il',
      'Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_).',
    ],
    ['my--namespace', 'Trail name cannot contain adjacent periods (.), hyphens (-), or underscores (_).'],
    ['my-_namespace', 'Trail name cannot contain adjacent periods (.), hyphens (-), or underscores (_).'],
    ['my..trail', 'Trail name cannot contain adjacent periods (.), hyphens (-), or underscores (_).'],
    ['192.168.5.4', 'Trail name must not be formatted as an IP address.'],
    ['1.1.1.1', 'Trail name must not be formatted as an IP address.'],
  ])('rejects %p with InvalidTrailNameException: %s', (name, message) => {
    expect(() => validateTrailName(name)).toThrow(rejection('InvalidTrailNameException', message));
  });
});

describe('TRAIL_NAME_PATTERN', () => {
  const nameCharacter = fc.constantFrom('a', 'Z', '7', '0', '.', '-', '_', ' ', '/', ':', '\u00e9');

  it('accepts exactly the names validateTrailName accepts', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: nameCharacter, maxLength: 140 }),
          fc.string({ unit: fc.constantFrom('a', '1', '-'), minLength: 120, maxLength: 135 }),
          fc.tuple(fc.nat(999), fc.nat(999), fc.nat(999), fc.nat(999)).map((parts) => parts.join('.')),
        ),
        (name) => {
          expect(TRAIL_NAME_PATTERN.test(name)).toBe(trailNameProblem(name) === undefined);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
