import { MalformedPolicyError } from './malformed-policy.error';
import { parsePolicyDocument } from './parse-policy-document';
import { POLICY_SIZE_LIMITS } from './policy-document';
import { isGovernedByResourceControlPolicies } from './resource-control';

const RCP_FULL_AWS_ACCESS = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
};

function rcp(statement: object, version: string | null = '2012-10-17'): object {
  return { ...(version === null ? {} : { Version: version }), Statement: [statement] };
}

const denyOutsiders = {
  Sid: 'EnforceOrgIdentities',
  Effect: 'Deny',
  Principal: '*',
  Action: ['s3:*', 'sts:AssumeRole', 'kms:Decrypt'],
  Resource: '*',
  Condition: {
    StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abcdefghij' },
    Bool: { 'aws:PrincipalIsAWSService': 'false' },
  },
};

function reasonOf(document: object): string {
  try {
    parsePolicyDocument(document, 'rcp', POLICY_SIZE_LIMITS.resourceControlPolicy);
  } catch (error) {
    if (error instanceof MalformedPolicyError) return error.reason;
    throw error;
  }
  throw new Error('accepted');
}

describe('resource control policy grammar (Organizations User Guide, "RCP syntax")', () => {
  it('accepts RCPFullAWSAccess and the data-perimeter examples', () => {
    expect(parsePolicyDocument(RCP_FULL_AWS_ACCESS, 'rcp').statements).toHaveLength(1);
    const parsed = parsePolicyDocument(rcp(denyOutsiders), 'rcp');
    expect(parsed.statements[0].principals).toMatchObject({ anyone: true, negated: false });
    expect(
      parsePolicyDocument(
        rcp({ ...denyOutsiders, Resource: undefined, NotResource: 'arn:aws:s3:::public/*' }),
        'rcp',
      ),
    ).toMatchObject({ kind: 'rcp' });
  });

  it.each<[string, object, string]>([
    [
      'a missing Version',
      rcp(denyOutsiders, null),
      'Resource control policies must contain the Version "2012-10-17"',
    ],
    [
      'Version 2008-10-17',
      rcp(denyOutsiders, '2008-10-17'),
      'Resource control policies must contain the Version "2012-10-17"',
    ],
    [
      'a missing Principal',
      rcp({ ...denyOutsiders, Principal: undefined }),
      'Missing required field Principal',
    ],
    [
      'a Principal other than "*"',
      rcp({ ...denyOutsiders, Principal: { AWS: '111122223333' } }),
      'Resource control policies support only "*" as Principal: narrow it with Condition',
    ],
    [
      'NotPrincipal',
      rcp({ ...denyOutsiders, Principal: undefined, NotPrincipal: '*' }),
      'Resource control policies do not support NotPrincipal',
    ],
    [
      'NotAction',
      rcp({ ...denyOutsiders, Action: undefined, NotAction: 's3:*' }),
      'Resource control policies do not support NotAction',
    ],
    ['no Resource', rcp({ ...denyOutsiders, Resource: undefined }), 'Missing required field Resource'],
    [
      'an action of a service RCPs do not support',
      rcp({ ...denyOutsiders, Action: ['s3:GetObject', 'cloudtrail:DeleteTrail'] }),
      'Resource control policies support only actions of aoss, cognito-idp, dynamodb, ecr, kms, logs, s3, secretsmanager, sqs, sts: cloudtrail:DeleteTrail is not one',
    ],
    [
      'a non-alphanumeric Sid, as for SCPs',
      rcp({ ...denyOutsiders, Sid: 'no-dashes' }),
      'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
    ],
  ])('rejects %s', (_case, document, reason) => {
    expect(reasonOf(document)).toBe(reason);
  });

  it('limits an RCP to 5,120 characters without whitespace', () => {
    const long = rcp({ ...denyOutsiders, Resource: [`arn:aws:s3:::${'b'.repeat(5_100)}`] });
    expect(() => parsePolicyDocument(long, 'rcp', POLICY_SIZE_LIMITS.resourceControlPolicy)).toThrow(
      expect.objectContaining({ details: { exceededSizeLimit: 5_120 } }),
    );
  });

  it.each([
    ['sts:AssumeRole', true],
    ['S3:GetObject', true],
    ['kms:Decrypt', true],
    ['cloudtrail:DeleteTrail', false],
    ['organizations:ListAccounts', false],
    ['iam:CreateUser', false],
    ['*', false],
  ])('knows whether RCPs govern %s: %s', (action, governed) => {
    expect(isGovernedByResourceControlPolicies(action)).toBe(governed);
  });
});
