import { MalformedPolicyError } from './malformed-policy.error';
import { parsePolicyDocument } from './parse-policy-document';
import { POLICY_SIZE_LIMITS, type PolicyKind } from './policy-document';

const allowAll = { Effect: 'Allow', Action: '*', Resource: '*' };

function document(...statements: unknown[]): object {
  return { Version: '2012-10-17', Statement: statements };
}

function reasonFor(input: string | object, kind: PolicyKind = 'identity'): string {
  try {
    parsePolicyDocument(input, kind);
  } catch (error) {
    if (error instanceof MalformedPolicyError) return error.reason;
    throw error;
  }
  throw new Error('The document was accepted');
}

describe(parsePolicyDocument.name, () => {
  describe('accepts', () => {
    it('a document as JSON text or as a parsed value, with Statement as an object or an array', () => {
      const fromText = parsePolicyDocument(
        JSON.stringify({ Version: '2012-10-17', Statement: allowAll }),
        'identity',
      );
      const fromValue = parsePolicyDocument(document(allowAll), 'identity');
      expect(fromText).toEqual(fromValue);
      expect(fromValue).toEqual({
        kind: 'identity',
        version: '2012-10-17',
        statements: [
          {
            sid: undefined,
            effect: 'Allow',
            actions: { negated: false, patterns: ['*'] },
            resources: { negated: false, patterns: ['*'] },
            principals: undefined,
            conditions: [],
          },
        ],
      });
    });

    it('a document without Version as 2008-10-17, as IAM does', () => {
      expect(parsePolicyDocument({ Statement: [allowAll] }, 'identity').version).toBe('2008-10-17');
    });

    it('an empty statement list', () => {
      expect(parsePolicyDocument(document(), 'scp').statements).toEqual([]);
    });

    it('NotAction and NotResource, strings or lists', () => {
      const [statement] = parsePolicyDocument(
        document({ Effect: 'Deny', NotAction: ['iam:*', 'sts:*'], NotResource: 'arn:aws:iam::*:role/Admin' }),
        'scp',
      ).statements;
      expect(statement.actions).toEqual({ negated: true, patterns: ['iam:*', 'sts:*'] });
      expect(statement.resources).toEqual({ negated: true, patterns: ['arn:aws:iam::*:role/Admin'] });
    });

    it('principals in trust policies and resource rules, where Resource is optional', () => {
      const trust = parsePolicyDocument(
        document({
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111111111111:root' },
          Action: 'sts:AssumeRole',
        }),
        'trust',
      );
      expect(trust.statements[0].principals).toEqual({
        negated: false,
        anyone: false,
        aws: ['arn:aws:iam::111111111111:root'],
        services: [],
      });
      const rule = parsePolicyDocument(
        document({
          Effect: 'Allow',
          NotPrincipal: {
            AWS: ['222222222222', 'arn:aws:sts::222222222222:assumed-role/Admin/s1'],
            Service: 'cloudtrail.amazonaws.com',
          },
          Action: 'cloudtrail:Get*',
        }),
        'resource',
      );
      expect(rule.statements[0]).toMatchObject({
        resources: undefined,
        principals: {
          negated: true,
          anyone: false,
          aws: ['222222222222', 'arn:aws:sts::222222222222:assumed-role/Admin/s1'],
          services: ['cloudtrail.amazonaws.com'],
        },
      });
      expect(
        parsePolicyDocument(document({ ...allowAll, Principal: '*' }), 'resource').statements[0].principals,
      ).toEqual({ negated: false, anyone: true, aws: [], services: [] });
    });

    it('every condition operator of iam.md §4, with IfExists and set operators, values as text', () => {
      const [statement] = parsePolicyDocument(
        document({
          ...allowAll,
          Condition: {
            'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': ['env', 'team*'] },
            NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 },
            Bool: { 'aws:SecureTransport': true },
            Null: { 'aws:PrincipalTag/team': 'false' },
          },
        }),
        'identity',
      ).statements;
      expect(statement.conditions).toEqual([
        {
          setOperator: 'ForAnyValue',
          operator: 'StringLike',
          ifExists: true,
          key: 'aws:TagKeys',
          values: ['env', 'team*'],
        },
        {
          setOperator: undefined,
          operator: 'NumericLessThan',
          ifExists: false,
          key: 'aws:MultiFactorAuthAge',
          values: ['3600'],
        },
        {
          setOperator: undefined,
          operator: 'Bool',
          ifExists: false,
          key: 'aws:SecureTransport',
          values: ['true'],
        },
        {
          setOperator: undefined,
          operator: 'Null',
          ifExists: false,
          key: 'aws:PrincipalTag/team',
          values: ['false'],
        },
      ]);
      const operators = [
        ['StringEquals', 'x'],
        ['StringNotEquals', 'x'],
        ['StringEqualsIgnoreCase', 'x'],
        ['StringNotEqualsIgnoreCase', 'x'],
        ['StringLike', 'x*'],
        ['StringNotLike', 'x?'],
        ['NumericEquals', '1'],
        ['NumericNotEquals', '-1.5'],
        ['NumericLessThan', '1'],
        ['NumericLessThanEquals', '1'],
        ['NumericGreaterThan', '1'],
        ['NumericGreaterThanEquals', '1'],
        ['DateEquals', '2025-01-01T00:00:00Z'],
        ['DateNotEquals', '1735689600'],
        ['DateLessThan', '2025-01-01'],
        ['DateLessThanEquals', '2025-01-01T00:00:00.000+01:00'],
        ['DateGreaterThan', '2025-01-01T00:00'],
        ['DateGreaterThanEquals', '2025-01-01T00:00:00-0500'],
        ['Bool', 'FALSE'],
        ['BinaryEquals', 'QmluYXJ5VmFsdWU='],
        ['IpAddress', '203.0.113.0/24'],
        ['NotIpAddress', '2001:db8::/32'],
        ['ArnEquals', 'arn:aws:iam::111111111111:role/Admin'],
        ['ArnLike', 'arn:aws:iam::*:role/*'],
        ['ArnNotEquals', 'arn:aws:iam::${aws:PrincipalAccount}:user/${aws:username}'],
        ['ArnNotLike', 'arn:aws:cloudtrail:*:*:trail/*'],
      ];
      for (const [operator, value] of operators) {
        for (const written of [operator, `${operator}IfExists`, `ForAllValues:${operator}`]) {
          expect(() =>
            parsePolicyDocument(
              document({ ...allowAll, Condition: { [written]: { 'aws:SomeKey': value } } }),
              'identity',
            ),
          ).not.toThrow();
        }
      }
    });

    it('a multivalued key under a set operator or Null', () => {
      expect(() =>
        parsePolicyDocument(
          document({
            ...allowAll,
            Condition: {
              'ForAllValues:StringEquals': { 'aws:TagKeys': 'env' },
              Null: { 'aws:TagKeys': 'true' },
            },
          }),
          'identity',
        ),
      ).not.toThrow();
    });

    it('a malformed ${…} in a 2008-10-17 document, where it is plain text', () => {
      expect(() =>
        parsePolicyDocument(
          {
            Version: '2008-10-17',
            Statement: { ...allowAll, Resource: 'arn:aws:cloudtrail:*:*:trail/${aws:username' },
          },
          'identity',
        ),
      ).not.toThrow();
    });
  });

  describe('rejects', () => {
    it.each<[string, string | object, PolicyKind, string]>([
      ['text that is not JSON', '{"Version": "2012-10-17",', 'identity', 'Syntax errors in policy.'],
      ['a JSON array', '[]', 'identity', 'Syntax errors in policy.'],
      ['an unknown top-level field', { ...document(allowAll), Foo: 1 }, 'identity', 'Unknown field Foo'],
      ['an unknown statement field', document({ ...allowAll, Foo: 1 }), 'identity', 'Unknown field Foo'],
      [
        'an unknown version',
        { Version: '2012-10-18', Statement: [] },
        'identity',
        'The policy must contain a valid version string',
      ],
      ['a missing Statement', { Version: '2012-10-17' }, 'identity', 'Missing required field Statement'],
      ['a statement that is not an object', document('Allow'), 'identity', 'Syntax errors in policy.'],
      [
        'a missing Effect',
        document({ Action: '*', Resource: '*' }),
        'identity',
        'Missing required field Effect',
      ],
      [
        'an unknown Effect',
        document({ ...allowAll, Effect: 'Permit' }),
        'identity',
        'Invalid effect: "Permit"',
      ],
      [
        'a missing Action',
        document({ Effect: 'Allow', Resource: '*' }),
        'identity',
        'Missing required field Action',
      ],
      [
        'both Action and NotAction',
        document({ ...allowAll, NotAction: 'iam:*' }),
        'identity',
        'Statement cannot contain both Action and NotAction',
      ],
      [
        'an action without a vendor',
        document({ ...allowAll, Action: 'CreateTrail' }),
        'identity',
        'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
      ],
      [
        'a wildcard in the vendor',
        document({ ...allowAll, Action: 'cloud*:CreateTrail' }),
        'identity',
        'Action cloud*:CreateTrail is not valid',
      ],
      [
        'an empty action list',
        document({ ...allowAll, Action: [] }),
        'identity',
        'Required field Action cannot be empty',
      ],
      [
        'an action that is not a string',
        document({ ...allowAll, Action: [42] }),
        'identity',
        'Syntax errors in policy.',
      ],
      [
        'a missing Resource in an identity policy',
        document({ Effect: 'Allow', Action: '*' }),
        'identity',
        'Missing required field Resource',
      ],
      [
        'a missing Resource in an SCP',
        document({ Effect: 'Allow', Action: '*' }),
        'scp',
        'Missing required field Resource',
      ],
      [
        'both Resource and NotResource',
        document({ ...allowAll, NotResource: '*' }),
        'identity',
        'Statement cannot contain both Resource and NotResource',
      ],
      [
        'a resource that is not an ARN',
        document({ ...allowAll, Resource: 'trail/audit' }),
        'identity',
        'Resource trail/audit must be in ARN format or "*".',
      ],
      [
        'a short ARN',
        document({ Effect: 'Allow', Action: '*', NotResource: 'arn:aws:cloudtrail' }),
        'identity',
        'NotResource arn:aws:cloudtrail must be in ARN format or "*".',
      ],
      [
        'a principal in an identity policy',
        document({ ...allowAll, Principal: '*' }),
        'identity',
        'Policy document should not specify a principal.',
      ],
      [
        'a principal in an SCP',
        document({ ...allowAll, NotPrincipal: { AWS: '111111111111' } }),
        'scp',
        'Policy document should not specify a principal.',
      ],
      [
        'a Resource in a trust policy',
        document({ ...allowAll, Principal: '*' }),
        'trust',
        'Has prohibited field Resource',
      ],
      [
        'a trust policy without a principal',
        document({ Effect: 'Allow', Action: 'sts:AssumeRole' }),
        'trust',
        'Missing required field Principal',
      ],
      [
        'a resource rule without a principal',
        document(allowAll),
        'resource',
        'Missing required field Principal',
      ],
      [
        'an account id that is not one',
        document({ ...allowAll, Principal: { AWS: '1111' } }),
        'resource',
        'Invalid principal in policy: "AWS":"1111"',
      ],
      [
        'a wildcard inside a principal ARN',
        document({ ...allowAll, Principal: { AWS: 'arn:aws:iam::111111111111:user/*' } }),
        'resource',
        'Invalid principal in policy: "AWS":"arn:aws:iam::111111111111:user/*"',
      ],
      [
        'an unsupported principal type',
        document({ ...allowAll, Principal: { Federated: 'cognito-identity.amazonaws.com' } }),
        'resource',
        'Invalid principal in policy: "Federated"',
      ],
      [
        'a principal given as text other than *',
        document({ ...allowAll, Principal: '111111111111' }),
        'resource',
        'Invalid principal in policy: "111111111111"',
      ],
      [
        'duplicate Sids',
        document({ ...allowAll, Sid: 'A' }, { ...allowAll, Sid: 'A' }),
        'identity',
        'Statement IDs (SID) in a single policy must be unique.',
      ],
      [
        'a Sid that is not alphanumeric in an identity policy',
        document({ ...allowAll, Sid: 'allow all' }),
        'identity',
        'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
      ],
      [
        'an unknown condition operator (iam.md §9.6)',
        document({ ...allowAll, Condition: { StringEqualz: { 'aws:username': 'alice' } } }),
        'identity',
        'Invalid Condition type : StringEqualz',
      ],
      [
        'an unknown set operator',
        document({ ...allowAll, Condition: { 'ForSomeValues:StringEquals': { 'aws:TagKeys': 'a' } } }),
        'identity',
        'Invalid Condition type : ForSomeValues:StringEquals',
      ],
      [
        'Null with IfExists',
        document({ ...allowAll, Condition: { NullIfExists: { 'aws:username': 'true' } } }),
        'identity',
        'Invalid Condition type : NullIfExists',
      ],
      [
        'Null under a set operator',
        document({ ...allowAll, Condition: { 'ForAnyValue:Null': { 'aws:TagKeys': 'true' } } }),
        'identity',
        'Invalid Condition type : ForAnyValue:Null',
      ],
      [
        'a multivalued key under a plain operator (iam.md §9.7)',
        document({ ...allowAll, Condition: { StringEquals: { 'aws:TagKeys': 'env' } } }),
        'identity',
        'Condition key aws:TagKeys is multivalued: use ForAnyValue:StringEquals or ForAllValues:StringEquals',
      ],
      [
        'a multivalued key under IfExists',
        document({ ...allowAll, Condition: { StringLikeIfExists: { 'AWS:TagKeys': 'e*' } } }),
        'identity',
        'Condition key AWS:TagKeys is multivalued: use ForAnyValue:StringLike or ForAllValues:StringLike',
      ],
      [
        'a condition key without a vendor',
        document({ ...allowAll, Condition: { StringEquals: { username: 'alice' } } }),
        'identity',
        'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
      ],
      [
        'a condition block that is not an object',
        document({ ...allowAll, Condition: { StringEquals: 'alice' } }),
        'identity',
        'Syntax errors in policy.',
      ],
      [
        'a condition without values',
        document({ ...allowAll, Condition: { StringEquals: { 'aws:username': [] } } }),
        'identity',
        'Condition StringEquals has no values',
      ],
      [
        'a number that is not one',
        document({ ...allowAll, Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '1h' } } }),
        'identity',
        'Invalid Condition value for NumericLessThan: 1h',
      ],
      [
        'a date that is not one',
        document({ ...allowAll, Condition: { DateLessThan: { 'aws:CurrentTime': 'tomorrow' } } }),
        'identity',
        'Invalid Condition value for DateLessThan: tomorrow',
      ],
      [
        'a boolean that is not one',
        document({ ...allowAll, Condition: { Bool: { 'aws:SecureTransport': 'yes' } } }),
        'identity',
        'Invalid Condition value for Bool: yes',
      ],
      [
        'a Null value that is not a boolean',
        document({ ...allowAll, Condition: { Null: { 'aws:username': 'absent' } } }),
        'identity',
        'Invalid Condition value for Null: absent',
      ],
      [
        'an address that is not one',
        document({ ...allowAll, Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.256/8' } } }),
        'identity',
        'Invalid Condition value for IpAddress: 10.0.0.256/8',
      ],
      [
        'a CIDR prefix too long',
        document({ ...allowAll, Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/33' } } }),
        'identity',
        'Invalid Condition value for NotIpAddress: 10.0.0.0/33',
      ],
      [
        'an ARN operator value that is not an ARN',
        document({ ...allowAll, Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*' } } }),
        'identity',
        'Invalid Condition value for ArnLike: arn:aws:iam::*',
      ],
      [
        'an unterminated policy variable',
        document({ ...allowAll, Resource: 'arn:aws:cloudtrail:*:*:trail/${aws:username' }),
        'identity',
        'Invalid policy variable in arn:aws:cloudtrail:*:*:trail/${aws:username',
      ],
      [
        'an empty policy variable',
        document({ ...allowAll, Condition: { StringEquals: { 'aws:username': '${}' } } }),
        'identity',
        'Invalid policy variable in ${}',
      ],
    ])('%s', (_, input, kind, reason) => {
      expect(reasonFor(input, kind)).toBe(reason);
    });
  });

  describe('size limits (iam.md §5)', () => {
    /** A valid document of exactly `size` characters, padded with spaces inside its JSON. */
    function documentOfSize(size: number): string {
      const compact = JSON.stringify(document(allowAll));
      return compact.replace('{', `{${' '.repeat(size - compact.length)}`);
    }

    it.each([
      ['inline user policies', POLICY_SIZE_LIMITS.inlineUserPolicy, 2_048],
      ['inline role policies', POLICY_SIZE_LIMITS.inlineRolePolicy, 10_240],
    ])('counts whitespace for %s (%#)', (_, limit, characters) => {
      expect(() => parsePolicyDocument(documentOfSize(characters), 'identity', limit)).not.toThrow();
      expect(() => parsePolicyDocument(documentOfSize(characters + 1), 'identity', limit)).toThrow(
        new MalformedPolicyError(`Cannot exceed quota for PolicySize: ${characters}`),
      );
    });

    it.each([
      ['managed policies', POLICY_SIZE_LIMITS.managedPolicy, 6_144],
      ['SCPs', POLICY_SIZE_LIMITS.serviceControlPolicy, 5_120],
    ])('does not count whitespace for %s (%#)', (_, limit, characters) => {
      expect(() => parsePolicyDocument(documentOfSize(characters * 2), 'scp', limit)).not.toThrow();
      const padded = { Version: '2012-10-17', Statement: [{ ...allowAll, Sid: 'x'.repeat(characters) }] };
      let error: unknown;
      try {
        parsePolicyDocument(padded, 'scp', limit);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(MalformedPolicyError);
      expect((error as MalformedPolicyError).details.exceededSizeLimit).toBe(characters);
    });
  });
});
