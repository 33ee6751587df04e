import { type AuthorizationRequest, type RequestPrincipal } from './authorization-request';
import { compilePolicy, type CompiledPolicy } from './compile-policy';
import { evaluate, isRootUser, type PolicySet } from './evaluate';
import { type Decision, type EvaluationResult } from './evaluation-result';
import { parsePolicyDocument } from './parse-policy-document';
import { type PolicyKind, type PolicyVersion } from './policy-document';

/** An organization trail's resource rule (as the trails lib builds it): members read, delegated administrators manage. */
function organizationTrailRule(input: {
  trailArn: string;
  organizationId: string;
  delegatedAdministratorAccountIds: string[];
}): object {
  const statements: object[] = [
    {
      Sid: 'OrganizationMembersMayRead',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: ['cloudtrail:Describe*', 'cloudtrail:Get*', 'cloudtrail:List*'],
      Resource: input.trailArn,
      Condition: { StringEquals: { 'aws:PrincipalOrgID': input.organizationId } },
    },
  ];
  if (input.delegatedAdministratorAccountIds.length > 0) {
    statements.push({
      Sid: 'DelegatedAdministratorsMayManage',
      Effect: 'Allow',
      Principal: { AWS: input.delegatedAdministratorAccountIds },
      Action: 'cloudtrail:*',
      Resource: input.trailArn,
      Condition: { StringEquals: { 'aws:PrincipalOrgID': input.organizationId } },
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}

const MANAGEMENT = '111111111111';
const MEMBER = '222222222222';
const OTHER_MEMBER = '333333333333';
const TRAIL = `arn:aws:cloudtrail:us-east-1:${MEMBER}:trail/audit`;

const alice: RequestPrincipal = { arn: `arn:aws:iam::${MEMBER}:user/alice`, account: MEMBER, type: 'User' };
const adminSession: RequestPrincipal = {
  arn: `arn:aws:sts::${MEMBER}:assumed-role/Admin/session-1`,
  account: MEMBER,
  type: 'AssumedRole',
};
const memberRoot: RequestPrincipal = { arn: `arn:aws:iam::${MEMBER}:root`, account: MEMBER, type: 'Account' };

function policy(
  kind: PolicyKind,
  statements: object | object[],
  version: PolicyVersion = '2012-10-17',
): CompiledPolicy {
  return compilePolicy(
    parsePolicyDocument({ Version: version, Statement: statements }, kind),
    `${kind}-policy`,
  );
}

function request(overrides: Partial<AuthorizationRequest> = {}): AuthorizationRequest {
  return {
    principal: alice,
    action: 'cloudtrail:GetTrail',
    resource: { arn: TRAIL, account: MEMBER },
    context: { 'aws:username': 'alice', 'aws:PrincipalAccount': MEMBER },
    ...overrides,
  };
}

function decide(
  policies: Partial<PolicySet>,
  overrides: Partial<AuthorizationRequest> = {},
): EvaluationResult {
  return evaluate(request(overrides), { identity: [], scpPath: [], resource: null, ...policies });
}

function decisionOf(policies: Partial<PolicySet>, overrides: Partial<AuthorizationRequest> = {}): Decision {
  return decide(policies, overrides).decision;
}

const allowEverything = { Effect: 'Allow', Action: '*', Resource: '*' };
const fullAwsAccess = policy('scp', allowEverything);

function identityAllowing(statement: object): Partial<PolicySet> {
  return { identity: [policy('identity', { Effect: 'Allow', Resource: '*', ...statement })] };
}

describe(evaluate.name, () => {
  describe('Action and NotAction (iam.md §3)', () => {
    it.each([
      ['cloudtrail:GetTrail', true],
      ['CLOUDTRAIL:gettrail', true],
      ['cloudtrail:Get*', true],
      ['cloudtrail:*Trail', true],
      ['cloudtrail:?etTrail', true],
      ['cloudtrail:*', true],
      ['*', true],
      ['cloudtrail:GetTrailStatus', false],
      ['cloudtrail:Describe*', false],
      ['cloudtrail:Get', false],
      ['organizations:GetTrail', false],
    ])('Action %s covers cloudtrail:GetTrail: %s', (pattern, covered) => {
      expect(decisionOf(identityAllowing({ Action: pattern }))).toBe(covered ? 'Allow' : 'ImplicitDeny');
    });

    it('NotAction in an Allow allows every other action, and does not allow those it lists', () => {
      const policies = identityAllowing({ NotAction: ['iam:*', 'cloudtrail:Delete*'] });
      expect(decisionOf(policies)).toBe('Allow');
      expect(decisionOf(policies, { action: 'cloudtrail:DeleteTrail' })).toBe('ImplicitDeny');
      expect(
        decisionOf(policies, { action: 'iam:CreateUser', resource: { arn: '*', account: MEMBER } }),
      ).toBe('ImplicitDeny');
    });

    it('NotAction in a Deny denies every other action, and leaves those it lists to other statements', () => {
      const identity = [
        policy('identity', [
          allowEverything,
          { Effect: 'Deny', NotAction: 'cloudtrail:Get*', Resource: '*' },
        ]),
      ];
      expect(decisionOf({ identity })).toBe('Allow');
      expect(decisionOf({ identity }, { action: 'cloudtrail:StopLogging' })).toBe('ExplicitDeny');
    });
  });

  describe('Resource and NotResource (iam.md §3)', () => {
    it.each([
      [TRAIL, true],
      ['*', true],
      [`arn:aws:cloudtrail:*:${MEMBER}:trail/*`, true],
      ['arn:aws:cloudtrail:us-east-1:*:trail/aud?t', true],
      [`arn:aws:cloudtrail:us-east-1:${MEMBER}:trail/Audit`, false],
      [`arn:aws:cloudtrail:eu-west-1:${MEMBER}:trail/audit`, false],
      [`arn:aws:cloudtrail:us-east-1:${MEMBER}:trail/audit-*`, false],
      ['arn:aws:cloudtrail:*:*:*', true],
    ])('Resource %s covers the trail: %s', (pattern, covered) => {
      expect(decisionOf(identityAllowing({ Action: 'cloudtrail:*', Resource: pattern }))).toBe(
        covered ? 'Allow' : 'ImplicitDeny',
      );
    });

    it('substitutes policy variables first (AWS example: a resource named after the user)', () => {
      const policies = identityAllowing({
        Action: 'cloudtrail:*',
        Resource: 'arn:aws:cloudtrail:*:*:trail/${aws:username}-*',
      });
      const own = {
        resource: { arn: `arn:aws:cloudtrail:us-east-1:${MEMBER}:trail/alice-audit`, account: MEMBER },
      };
      expect(decisionOf(policies, own)).toBe('Allow');
      expect(decisionOf(policies, { ...own, context: { 'aws:username': 'bob' } })).toBe('ImplicitDeny');
      expect(decisionOf(policies, { ...own, context: {} })).toBe('ImplicitDeny');
    });

    it('reads ${…} as text in a 2008-10-17 document', () => {
      const identity = [
        policy(
          'identity',
          { Effect: 'Allow', Action: '*', Resource: 'arn:aws:cloudtrail:*:*:trail/${aws:username}' },
          '2008-10-17',
        ),
      ];
      expect(
        decisionOf(
          { identity },
          { resource: { arn: `arn:aws:cloudtrail:us-east-1:${MEMBER}:trail/alice`, account: MEMBER } },
        ),
      ).toBe('ImplicitDeny');
      expect(
        decisionOf(
          { identity },
          {
            resource: {
              arn: `arn:aws:cloudtrail:us-east-1:${MEMBER}:trail/\${aws:username}`,
              account: MEMBER,
            },
          },
        ),
      ).toBe('Allow');
    });

    it('NotResource applies to every resource it does not list', () => {
      const identity = [
        policy('identity', {
          Effect: 'Allow',
          Action: '*',
          NotResource: 'arn:aws:cloudtrail:*:*:trail/org-*',
        }),
      ];
      expect(decisionOf({ identity })).toBe('Allow');
      expect(
        decisionOf(
          { identity },
          { resource: { arn: `arn:aws:cloudtrail:us-east-1:${MEMBER}:trail/org-trail`, account: MEMBER } },
        ),
      ).toBe('ImplicitDeny');
    });

    it('lets a NotResource entry whose variable cannot be substituted exclude nothing (iam.md §9.2)', () => {
      const identity = [
        policy('identity', [
          allowEverything,
          {
            Effect: 'Deny',
            Action: '*',
            NotResource: 'arn:aws:cloudtrail:*:*:trail/${aws:PrincipalTag/team}-*',
          },
        ]),
      ];
      expect(decisionOf({ identity })).toBe('ExplicitDeny');
      expect(decisionOf({ identity }, { context: { 'aws:PrincipalTag/team': 'audit' } })).toBe(
        'ExplicitDeny',
      );
      expect(
        decisionOf(
          { identity },
          {
            context: { 'aws:PrincipalTag/team': 'blue' },
            resource: { arn: `arn:aws:cloudtrail:us-east-1:${MEMBER}:trail/blue-x`, account: MEMBER },
          },
        ),
      ).toBe('Allow');
    });

    it('covers the resource * of actions that take none only with the entry *', () => {
      const listTrails = { action: 'cloudtrail:ListTrails', resource: { arn: '*', account: MEMBER } };
      expect(decisionOf(identityAllowing({ Action: 'cloudtrail:*', Resource: '*' }), listTrails)).toBe(
        'Allow',
      );
      expect(
        decisionOf(
          identityAllowing({ Action: 'cloudtrail:*', Resource: 'arn:aws:cloudtrail:*:*:*' }),
          listTrails,
        ),
      ).toBe('ImplicitDeny');
      const notResource = [
        policy('identity', { Effect: 'Allow', Action: '*', NotResource: 'arn:aws:cloudtrail:*:*:*' }),
      ];
      expect(decisionOf({ identity: notResource }, listTrails)).toBe('Allow');
    });
  });

  describe('deny and allow across identity policies and SCPs (iam.md §2)', () => {
    const identityAllow = policy('identity', allowEverything);
    const identityDeny = policy('identity', { Effect: 'Deny', Action: 'cloudtrail:GetTrail', Resource: '*' });
    const scpDeny = policy('scp', { Effect: 'Deny', Action: 'cloudtrail:*', Resource: '*' });
    const scpOther = policy('scp', { Effect: 'Allow', Action: 'organizations:*', Resource: '*' });

    it.each<[string, CompiledPolicy[], CompiledPolicy[] | undefined, Decision]>([
      ['nothing', [], undefined, 'ImplicitDeny'],
      ['an identity allow', [identityAllow], undefined, 'Allow'],
      ['an identity deny', [identityDeny], undefined, 'ExplicitDeny'],
      ['an identity allow and deny', [identityAllow, identityDeny], undefined, 'ExplicitDeny'],
      ['an identity allow under FullAWSAccess', [identityAllow], [fullAwsAccess], 'Allow'],
      ['no identity allow under FullAWSAccess', [], [fullAwsAccess], 'ImplicitDeny'],
      ['an identity allow under an SCP allowing other actions', [identityAllow], [scpOther], 'ImplicitDeny'],
      ['an identity allow under an SCP deny', [identityAllow], [fullAwsAccess, scpDeny], 'ExplicitDeny'],
      ['no identity allow under an SCP deny', [], [scpDeny], 'ExplicitDeny'],
      ['an identity allow under a level with no SCP', [identityAllow], [], 'ImplicitDeny'],
    ])('%s → %s', (_, identity, level, expected) => {
      expect(decisionOf({ identity, scpPath: level ? [level] : [] })).toBe(expected);
    });

    it('requires an SCP allow at every level of the path, root first', () => {
      const identity = [policy('identity', allowEverything)];
      const allowList = policy('scp', {
        Effect: 'Allow',
        Action: ['cloudtrail:Get*', 'cloudtrail:Describe*'],
        Resource: '*',
      });
      expect(decisionOf({ identity, scpPath: [[fullAwsAccess], [allowList], [fullAwsAccess]] })).toBe(
        'Allow',
      );
      expect(
        decisionOf(
          { identity, scpPath: [[fullAwsAccess], [allowList], [fullAwsAccess]] },
          { action: 'cloudtrail:StopLogging' },
        ),
      ).toBe('ImplicitDeny');
      const gap = decide({ identity, scpPath: [[fullAwsAccess], [fullAwsAccess], [scpOther]] });
      expect(gap).toEqual({
        decision: 'ImplicitDeny',
        reason: expect.objectContaining({ kind: 'scp', scpLevel: 2 }) as unknown,
      });
    });

    it('lets one allowing SCP of a level suffice, and one denying SCP decide', () => {
      const identity = [policy('identity', allowEverything)];
      expect(decisionOf({ identity, scpPath: [[scpOther, fullAwsAccess]] })).toBe('Allow');
      expect(decisionOf({ identity, scpPath: [[fullAwsAccess], [fullAwsAccess, scpDeny]] })).toBe(
        'ExplicitDeny',
      );
    });

    it('never grants through an SCP', () => {
      expect(decide({ scpPath: [[fullAwsAccess], [fullAwsAccess]] }).reason.kind).toBe('identity');
    });

    it('does not bound a principal outside SCPs (scpPath [], the management account)', () => {
      expect(decisionOf({ identity: [policy('identity', allowEverything)], scpPath: [] })).toBe('Allow');
    });

    it('decides by the conditions of SCP statements too', () => {
      const regionGuard = policy('scp', {
        Effect: 'Deny',
        NotAction: ['iam:*', 'organizations:*'],
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } },
      });
      const policies = {
        identity: [policy('identity', allowEverything)],
        scpPath: [[fullAwsAccess, regionGuard]],
      };
      expect(decisionOf(policies, { context: { 'aws:RequestedRegion': 'eu-west-1' } })).toBe('Allow');
      expect(decisionOf(policies, { context: { 'aws:RequestedRegion': 'us-east-1' } })).toBe('ExplicitDeny');
    });
  });

  describe('the root user (iam.md §2, §9.5)', () => {
    it('may do everything in its own account without any policy', () => {
      expect(decide({}, { principal: memberRoot })).toEqual({
        decision: 'Allow',
        reason: expect.objectContaining({ kind: 'root-user' }) as unknown,
      });
    });

    it('is bounded by SCPs in a member account, not in the management account', () => {
      const denyDelete = policy('scp', { Effect: 'Deny', Action: 'cloudtrail:DeleteTrail', Resource: '*' });
      const deleteTrail = { principal: memberRoot, action: 'cloudtrail:DeleteTrail' };
      expect(decisionOf({ scpPath: [[fullAwsAccess], [denyDelete]] }, deleteTrail)).toBe('ExplicitDeny');
      expect(
        decisionOf(
          {
            scpPath: [[fullAwsAccess], [policy('scp', { Effect: 'Allow', Action: 'iam:*', Resource: '*' })]],
          },
          deleteTrail,
        ),
      ).toBe('ImplicitDeny');
      const managementRoot: RequestPrincipal = {
        arn: `arn:aws:iam::${MANAGEMENT}:root`,
        account: MANAGEMENT,
        type: 'Account',
      };
      expect(
        decisionOf(
          { scpPath: [] },
          {
            ...deleteTrail,
            principal: managementRoot,
            resource: { arn: TRAIL.replace(MEMBER, MANAGEMENT), account: MANAGEMENT },
          },
        ),
      ).toBe('Allow');
    });

    it("needs the resource rule for another account's resources", () => {
      const otherTrail = {
        principal: memberRoot,
        resource: { arn: TRAIL.replace(MEMBER, OTHER_MEMBER), account: OTHER_MEMBER },
      };
      expect(decisionOf({}, otherTrail)).toBe('ImplicitDeny');
      const rule = policy('resource', {
        Effect: 'Allow',
        Principal: { AWS: MEMBER },
        Action: 'cloudtrail:Get*',
      });
      expect(decisionOf({ resource: rule }, otherTrail)).toBe('Allow');
    });

    it('is recognised by type or by its ARN', () => {
      expect(isRootUser(memberRoot)).toBe(true);
      expect(isRootUser({ ...memberRoot, type: 'User' })).toBe(true);
      expect(isRootUser(alice)).toBe(false);
    });
  });

  describe('resource rules and cross-account requests (iam.md §2, §3)', () => {
    const otherTrail = { resource: { arn: TRAIL.replace(MEMBER, OTHER_MEMBER), account: OTHER_MEMBER } };
    const identity = [policy('identity', allowEverything)];

    it('denies another account’s resource without a rule, whatever the identity policies say', () => {
      expect(decide({ identity }, otherTrail)).toEqual({
        decision: 'ImplicitDeny',
        reason: expect.objectContaining({ kind: 'resource' }) as unknown,
      });
    });

    it('needs both the identity policy and the rule across accounts', () => {
      const rule = policy('resource', {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${MEMBER}:root` },
        Action: 'cloudtrail:GetTrail',
      });
      expect(decisionOf({ identity, resource: rule }, otherTrail)).toBe('Allow');
      expect(decisionOf({ resource: rule }, otherTrail)).toBe('ImplicitDeny');
      expect(decide({ resource: rule }, otherTrail).reason.kind).toBe('identity');
    });

    it.each([
      ['"*"', '*', true],
      ['{"AWS": "*"}', { AWS: '*' }, true],
      ['the account id', { AWS: MEMBER }, true],
      ['the account root', { AWS: `arn:aws:iam::${MEMBER}:root` }, true],
      ["the caller's ARN", { AWS: alice.arn }, true],
      ['another user', { AWS: `arn:aws:iam::${MEMBER}:user/bob` }, false],
      ['another account', { AWS: MANAGEMENT }, false],
    ])('grants across accounts to a Principal of %s: %s', (_, principal, granted) => {
      const rule = policy('resource', { Effect: 'Allow', Principal: principal, Action: 'cloudtrail:*' });
      expect(decisionOf({ identity, resource: rule }, otherTrail)).toBe(granted ? 'Allow' : 'ImplicitDeny');
    });

    it("covers a role's sessions with the role's ARN", () => {
      const rule = policy('resource', {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${MEMBER}:role/Admin` },
        Action: '*',
      });
      expect(decisionOf({ identity, resource: rule }, { ...otherTrail, principal: adminSession })).toBe(
        'Allow',
      );
      const otherRole = { ...adminSession, arn: adminSession.arn.replace('Admin', 'Auditor') };
      expect(decisionOf({ identity, resource: rule }, { ...otherTrail, principal: otherRole })).toBe(
        'ImplicitDeny',
      );
    });

    it('grants within one account to a principal it names directly, without an identity policy', () => {
      expect(
        decisionOf({
          resource: policy('resource', { Effect: 'Allow', Principal: { AWS: alice.arn }, Action: '*' }),
        }),
      ).toBe('Allow');
      expect(
        decisionOf({ resource: policy('resource', { Effect: 'Allow', Principal: '*', Action: '*' }) }),
      ).toBe('Allow');
    });

    it('does not grant within one account by naming the account: the identity policy must allow', () => {
      const rule = policy('resource', { Effect: 'Allow', Principal: { AWS: MEMBER }, Action: '*' });
      expect(decisionOf({ resource: rule })).toBe('ImplicitDeny');
      expect(decisionOf({ identity, resource: rule })).toBe('Allow');
    });

    it('denies explicitly for every principal a Deny statement names, the root user included', () => {
      const rule = policy('resource', [
        { Effect: 'Allow', Principal: '*', Action: '*' },
        { Effect: 'Deny', Principal: { AWS: MEMBER }, Action: 'cloudtrail:GetTrail' },
      ]);
      expect(decide({ identity, resource: rule }).reason.kind).toBe('resource');
      expect(decisionOf({ identity, resource: rule })).toBe('ExplicitDeny');
      expect(decisionOf({ resource: rule }, { principal: memberRoot })).toBe('ExplicitDeny');
    });

    it('applies NotPrincipal to everyone it does not name, an account naming all its principals', () => {
      const rule = policy('resource', [
        { Effect: 'Allow', Principal: '*', Action: '*' },
        { Effect: 'Deny', NotPrincipal: { AWS: [alice.arn, MANAGEMENT] }, Action: '*' },
      ]);
      const operator = (account: string): RequestPrincipal => ({
        arn: `arn:aws:iam::${account}:user/ops`,
        account,
        type: 'User',
      });
      expect(decisionOf({ resource: rule })).toBe('Allow');
      expect(decisionOf({ resource: rule }, { principal: adminSession })).toBe('ExplicitDeny');
      expect(decisionOf({ resource: rule }, { principal: operator(OTHER_MEMBER) })).toBe('ExplicitDeny');
      expect(decisionOf({ identity, resource: rule }, { principal: operator(MANAGEMENT) })).toBe('Allow');
    });

    it('evaluates a trust policy as the rule of sts:AssumeRole', () => {
      const role = {
        action: 'sts:AssumeRole',
        resource: { arn: `arn:aws:iam::${OTHER_MEMBER}:role/Deploy`, account: OTHER_MEMBER },
      };
      const trust = policy('trust', {
        Effect: 'Allow',
        Principal: { AWS: MEMBER },
        Action: 'sts:AssumeRole',
      });
      expect(decisionOf({ identity, resource: trust }, role)).toBe('Allow');
      expect(decisionOf({ resource: trust }, role)).toBe('ImplicitDeny');
      const elsewhere = policy('trust', {
        Effect: 'Allow',
        Principal: { AWS: MANAGEMENT },
        Action: 'sts:AssumeRole',
      });
      expect(decisionOf({ identity, resource: elsewhere }, role)).toBe('ImplicitDeny');
    });
  });

  describe('the organization-trail rule (iam.md §7)', () => {
    const orgTrail = `arn:aws:cloudtrail:us-east-1:${MANAGEMENT}:trail/org-trail`;
    const rule = compilePolicy(
      parsePolicyDocument(
        organizationTrailRule({
          trailArn: orgTrail,
          organizationId: 'o-exampleorg1',
          delegatedAdministratorAccountIds: [OTHER_MEMBER],
        }),
        'resource',
      ),
      'OrganizationTrailRule',
    );
    const administratorAccess = [policy('identity', allowEverything)];
    const member = (action: string, principal = adminSession) =>
      request({
        principal,
        action,
        resource: { arn: orgTrail, account: MANAGEMENT },
        context: { 'aws:PrincipalOrgID': 'o-exampleorg1' },
      });

    it('lets members of the organization read the trail they inherit', () => {
      for (const action of [
        'cloudtrail:GetTrail',
        'cloudtrail:DescribeTrails',
        'cloudtrail:ListTags',
        'cloudtrail:GetEventSelectors',
      ]) {
        expect(
          evaluate(member(action), {
            identity: administratorAccess,
            scpPath: [[fullAwsAccess]],
            resource: rule,
          }).decision,
        ).toBe('Allow');
      }
    });

    it('denies members every change, even with AdministratorAccess', () => {
      for (const action of ['cloudtrail:UpdateTrail', 'cloudtrail:StopLogging', 'cloudtrail:DeleteTrail']) {
        expect(
          evaluate(member(action), {
            identity: administratorAccess,
            scpPath: [[fullAwsAccess]],
            resource: rule,
          }),
        ).toEqual({
          decision: 'ImplicitDeny',
          reason: expect.objectContaining({ kind: 'resource' }) as unknown,
        });
      }
    });

    it('denies accounts outside the organization', () => {
      const outsider = {
        ...member('cloudtrail:GetTrail'),
        context: { 'aws:PrincipalOrgID': 'o-otherorg999' },
      };
      expect(
        evaluate(outsider, { identity: administratorAccess, scpPath: [], resource: rule }).decision,
      ).toBe('ImplicitDeny');
    });

    it('lets CloudTrail delegated administrators manage it', () => {
      const delegate: RequestPrincipal = {
        arn: `arn:aws:iam::${OTHER_MEMBER}:role/Admin`,
        account: OTHER_MEMBER,
        type: 'Role',
      };
      expect(
        evaluate(member('cloudtrail:UpdateTrail', delegate), {
          identity: administratorAccess,
          scpPath: [],
          resource: rule,
        }).decision,
      ).toBe('Allow');
    });

    it('leaves the management account to its identity policies', () => {
      const owner: RequestPrincipal = {
        arn: `arn:aws:iam::${MANAGEMENT}:role/Admin`,
        account: MANAGEMENT,
        type: 'Role',
      };
      expect(
        evaluate(member('cloudtrail:DeleteTrail', owner), {
          identity: administratorAccess,
          scpPath: [],
          resource: rule,
        }).decision,
      ).toBe('Allow');
    });
  });

  describe('decision reasons', () => {
    it('name the deciding statement of an allow or an explicit deny', () => {
      const identity = [
        compilePolicy(
          parsePolicyDocument(
            {
              Version: '2012-10-17',
              Statement: [{ Sid: 'Read', Effect: 'Allow', Action: 'cloudtrail:Get*', Resource: '*' }],
            },
            'identity',
          ),
          'CloudTrailRead',
        ),
        compilePolicy(
          parsePolicyDocument(
            {
              Version: '2012-10-17',
              Statement: [allowEverything, { Effect: 'Deny', Action: 'cloudtrail:Stop*', Resource: '*' }],
            },
            'identity',
          ),
          'Guardrails',
        ),
      ];
      expect(decide({ identity })).toEqual({
        decision: 'Allow',
        reason: {
          kind: 'identity',
          policyName: 'CloudTrailRead',
          statementIndex: 0,
          sid: 'Read',
          message: 'Allowed by statement 0 (Read) of identity-based policy CloudTrailRead',
        },
      });
      expect(decide({ identity }, { action: 'cloudtrail:StopLogging' })).toEqual({
        decision: 'ExplicitDeny',
        reason: {
          kind: 'identity',
          policyName: 'Guardrails',
          statementIndex: 1,
          message: 'Explicitly denied by statement 1 of identity-based policy Guardrails',
        },
      });
    });

    it('reports an SCP deny before an identity deny', () => {
      const deny = { Effect: 'Deny', Action: '*', Resource: '*' };
      expect(
        decide({ identity: [policy('identity', deny)], scpPath: [[policy('scp', deny)]] }).reason.kind,
      ).toBe('scp');
    });

    it('are shared frozen objects, so that evaluating allocates nothing', () => {
      const policies = { identity: [policy('identity', allowEverything)] };
      const first = decide(policies);
      expect(decide(policies)).toBe(first);
      expect(Object.isFrozen(first)).toBe(true);
      expect(Object.isFrozen(first.reason)).toBe(true);
    });
  });
});
