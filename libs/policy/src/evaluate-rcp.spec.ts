import { accessDeniedMessage } from './access-denied-message';
import { type AuthorizationRequest, type RequestPrincipal } from './authorization-request';
import { compilePolicy, type CompiledPolicy } from './compile-policy';
import { evaluate, type PolicySet } from './evaluate';
import { evaluateCase } from './evaluate-case';
import { isDenied } from './evaluation-result';
import { parsePolicyDocument } from './parse-policy-document';
import { type PolicyKind } from './policy-document';

const OWNER = '222222222222';
const OUTSIDER = '999999999999';
const ORG = 'o-abcdefghij';
const ROLE = `arn:aws:iam::${OWNER}:role/Deploy`;

const insider: RequestPrincipal = { arn: `arn:aws:iam::${OWNER}:user/alice`, account: OWNER, type: 'User' };
const outsider: RequestPrincipal = {
  arn: `arn:aws:iam::${OUTSIDER}:user/mallory`,
  account: OUTSIDER,
  type: 'User',
};

function policy(kind: PolicyKind, statements: object[], name = `${kind}-policy`): CompiledPolicy {
  return compilePolicy(parsePolicyDocument({ Version: '2012-10-17', Statement: statements }, kind), name);
}

const rcpFullAwsAccess = policy(
  'rcp',
  [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
  'RCPFullAWSAccess',
);
const identityPerimeter = policy(
  'rcp',
  [
    {
      Sid: 'OrgIdentitiesOnly',
      Effect: 'Deny',
      Principal: '*',
      Action: 'sts:AssumeRole',
      Resource: '*',
      Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG } },
    },
  ],
  'IdentityPerimeter',
);
const trustingEveryone = policy('trust', [
  { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' },
]);
const assumeAnything = policy('identity', [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }]);

function assume(
  principal: RequestPrincipal,
  context: AuthorizationRequest['context'] = {},
): AuthorizationRequest {
  return { principal, action: 'sts:AssumeRole', resource: { arn: ROLE, account: OWNER }, context };
}

function decide(request: AuthorizationRequest, rcpPath: PolicySet['rcpPath']) {
  return evaluate(request, { identity: [assumeAnything], scpPath: [], rcpPath, resource: trustingEveryone });
}

describe('resource control policies in evaluate', () => {
  it('bound whoever calls: an outsider is denied what the trust policy grants', () => {
    const path = [[rcpFullAwsAccess], [rcpFullAwsAccess, identityPerimeter], [rcpFullAwsAccess]];
    const denied = decide(assume(outsider, { 'aws:PrincipalOrgID': 'o-otherorgxx' }), path);
    expect(denied).toMatchObject({
      decision: 'ExplicitDeny',
      reason: { kind: 'rcp', policyName: 'IdentityPerimeter', sid: 'OrgIdentitiesOnly' },
    });
    expect(isDenied(denied) && accessDeniedMessage(assume(outsider), denied)).toBe(
      `User: ${outsider.arn} is not authorized to perform: sts:AssumeRole on resource: ${ROLE} with an explicit deny in a resource control policy`,
    );
    expect(decide(assume(insider, { 'aws:PrincipalOrgID': ORG }), path).decision).toBe('Allow');
  });

  it('need an applicable Allow at every level of the owner’s path, root first', () => {
    const denied = decide(assume(insider, { 'aws:PrincipalOrgID': ORG }), [
      [rcpFullAwsAccess],
      [identityPerimeter],
      [rcpFullAwsAccess],
    ]);
    expect(denied).toMatchObject({ decision: 'ImplicitDeny', reason: { kind: 'rcp', rcpLevel: 1 } });
    expect(isDenied(denied) && accessDeniedMessage(assume(insider), denied)).toMatch(
      /because no resource control policy allows the sts:AssumeRole action$/,
    );
  });

  it('never grant: RCPFullAWSAccess alone allows nothing', () => {
    const request = assume(insider);
    const result = evaluate(request, {
      identity: [],
      scpPath: [],
      rcpPath: [[rcpFullAwsAccess]],
      resource: null,
    });
    expect(result).toMatchObject({ decision: 'ImplicitDeny', reason: { kind: 'identity' } });
  });

  it('are reported before an SCP gap, as AWS evaluates them first', () => {
    const scpAllowingNothing = policy('scp', [{ Effect: 'Deny', Action: 'iam:*', Resource: '*' }]);
    const result = evaluate(assume(insider, { 'aws:PrincipalOrgID': ORG }), {
      identity: [assumeAnything],
      scpPath: [[scpAllowingNothing]],
      rcpPath: [[identityPerimeter]],
      resource: trustingEveryone,
    });
    expect(result.reason).toMatchObject({ kind: 'rcp', rcpLevel: 0 });
  });

  it('leave requests without an RCP path to the other policies', () => {
    expect(decide(assume(outsider), undefined).decision).toBe('Allow');
    expect(decide(assume(outsider), []).decision).toBe('Allow');
  });

  it('can be simulated as a case, with the owner’s path', () => {
    const result = evaluateCase({
      request: assume(outsider, { 'aws:PrincipalOrgID': 'o-otherorgxx' }),
      policies: {
        identity: [
          {
            name: 'Assume',
            document: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }],
            },
          },
        ],
        scpPath: [],
        rcpPath: [
          [
            {
              name: 'Perimeter',
              document: {
                Version: '2012-10-17',
                Statement: [
                  {
                    Effect: 'Deny',
                    Principal: '*',
                    Action: 'sts:*',
                    Resource: '*',
                    Condition: { StringNotEquals: { 'aws:PrincipalOrgID': ORG } },
                  },
                ],
              },
            },
          ],
        ],
        resource: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }],
        },
      },
    });
    expect(result).toMatchObject({
      decision: 'ExplicitDeny',
      reason: { kind: 'rcp', policyName: 'Perimeter' },
    });
  });
});
