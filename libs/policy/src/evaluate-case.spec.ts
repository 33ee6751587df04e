import { evaluateCase, RESOURCE_RULE_NAME, type SimulationCase } from './evaluate-case';
import { MalformedPolicyError } from './malformed-policy.error';
import { PolicyCache } from './policy-cache';

const fullAwsAccess = {
  name: 'FullAWSAccess',
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
};

/** The example of iam.md §8: a member's administrator deleting the organization trail. */
const example: SimulationCase = {
  request: {
    principal: {
      arn: 'arn:aws:sts::333333333333:assumed-role/Admin/s1',
      account: '333333333333',
      type: 'AssumedRole',
    },
    action: 'cloudtrail:DeleteTrail',
    resource: { arn: 'arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail', account: '111111111111' },
    context: { 'aws:PrincipalOrgID': 'o-exampleorg1', 'aws:SourceIp': '203.0.113.10' },
  },
  policies: {
    identity: [
      {
        name: 'AdministratorAccess',
        document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
      },
    ],
    scpPath: [[fullAwsAccess], [fullAwsAccess], [fullAwsAccess]],
    resource: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'OrgMembersMayRead',
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: ['cloudtrail:Describe*', 'cloudtrail:Get*', 'cloudtrail:List*'],
          Resource: 'arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail',
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-exampleorg1' } },
        },
      ],
    },
  },
};

describe(evaluateCase.name, () => {
  it('decides the example of iam.md §8', () => {
    expect(evaluateCase(example)).toEqual({
      decision: 'ImplicitDeny',
      reason: expect.objectContaining({ kind: 'resource' }) as unknown,
    });
    expect(
      evaluateCase({ ...example, request: { ...example.request, action: 'cloudtrail:GetTrail' } }),
    ).toEqual({
      decision: 'Allow',
      reason: expect.objectContaining({
        kind: 'resource',
        policyName: RESOURCE_RULE_NAME,
        sid: 'OrgMembersMayRead',
      }) as unknown,
    });
  });

  it('accepts documents as JSON text', () => {
    const asText: SimulationCase = {
      ...example,
      policies: {
        identity: example.policies.identity.map((policy) => ({
          ...policy,
          document: JSON.stringify(policy.document),
        })),
        scpPath: [],
        resource: JSON.stringify(example.policies.resource),
      },
    };
    expect(evaluateCase(asText).decision).toBe('ImplicitDeny');
  });

  it('names the malformed policy', () => {
    const malformed: SimulationCase = {
      ...example,
      policies: { ...example.policies, scpPath: [[{ name: 'Broken', document: { Version: '2012-10-17' } }]] },
    };
    expect(() => evaluateCase(malformed)).toThrow(
      new MalformedPolicyError('Missing required field Statement', { policyName: 'Broken' }),
    );
  });

  it('compiles each document once through a cache', () => {
    const cache = new PolicyCache();
    evaluateCase(example, cache);
    const size = cache.size;
    evaluateCase(example, cache);
    expect(cache.size).toBe(size);
    expect(size).toBe(3);
  });
});
