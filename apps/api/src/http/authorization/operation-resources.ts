import { type ConditionContext, type ResourceRef } from '@app/iam';
import { type ResourceScope } from './resource-scope';

/** The input of an AWS protocol call: its JSON body or its form (query protocol) fields. */
export type AwsInput = Readonly<Record<string, unknown>>;

/** The parts of a REST call, each read where the route declares it (never one in place of another). */
export interface RestInput {
  readonly params: Readonly<Record<string, unknown>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly body: Readonly<Record<string, unknown>>;
}

type Resources = ResourceRef[] | Promise<ResourceRef[]>;

/**
 * How one operation is authorized: the resources it acts on, derived per transport from the
 * request exactly where its handler reads them, and optional service condition keys. Every
 * operation a transport serves must have its entry (checked at boot).
 */
export interface OperationAuthorization {
  readonly aws?: (input: AwsInput, scope: ResourceScope) => Resources;
  readonly rest?: (input: RestInput, scope: ResourceScope) => Resources;
  /** Condition keys of the operation's own (`sts:ExternalId`, `iam:PolicyARN`, `aws:RequestTag/…`). */
  readonly context?: {
    readonly aws?: (input: AwsInput) => ConditionContext;
    readonly rest?: (input: RestInput) => ConditionContext;
  };
  /** GetCallerIdentity: AWS performs it whatever the policies say. */
  readonly unconditional?: true;
}

/** A string member, or undefined when absent or of another type (validation then refuses it). */
export function str(source: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const value = source[key];
  return typeof value === 'string' ? value : undefined;
}

/** A list of strings (a single string counts as a list of one, as REST query parameters arrive). */
export function strs(source: Readonly<Record<string, unknown>>, key: string): string[] | undefined {
  const value = source[key];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}

/** Condition keys from optional members: absent members add no key. */
function keys(entries: Record<string, string | undefined>): ConditionContext {
  const context: ConditionContext = {};
  for (const [key, value] of Object.entries(entries)) if (value !== undefined) context[key] = value;
  return context;
}

/**
 * `aws:RequestTag/<key>` and `aws:TagKeys` of the tags a request sets (`{Key, Value}` on the AWS
 * protocol, `{key, value}` over REST); entries that are not tags are left to validation.
 */
function requestTags(list: unknown, keyMember: string, valueMember: string): ConditionContext {
  if (!Array.isArray(list)) return {};
  const context: ConditionContext = {};
  const tagKeys: string[] = [];
  for (const entry of list as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const tag = entry as Record<string, unknown>;
    const key = tag[keyMember];
    if (typeof key !== 'string') continue;
    tagKeys.push(key);
    const value = tag[valueMember];
    context[`aws:RequestTag/${key}`] = typeof value === 'string' ? value : '';
  }
  if (tagKeys.length > 0) context['aws:TagKeys'] = tagKeys;
  return context;
}

/** The tags of CreateTrail and AddTags as condition keys. */
const TRAIL_REQUEST_TAGS: OperationAuthorization['context'] = {
  aws: (input) => requestTags(input.TagsList, 'Key', 'Value'),
  rest: ({ body }) => requestTags(body.tagsList, 'key', 'value'),
};

const anyResource = (_input: unknown, scope: ResourceScope): ResourceRef[] => [scope.any()];
/** An operation that takes no resource, on every transport. */
const NONE: OperationAuthorization = { aws: anyResource, rest: anyResource };
/** A REST-only operation that takes no resource. */
const REST_NONE: OperationAuthorization = { rest: anyResource };

/** A trail named by an AWS member and a REST path parameter. */
function trailOperation(awsMember: string, restParam = 'trail'): OperationAuthorization {
  return {
    aws: (input, scope) => [scope.trail(str(input, awsMember))],
    rest: ({ params }, scope) => [scope.trail(str(params, restParam))],
  };
}

/** An Organizations operation on one node (root, OU or account) of the organization. */
function organizationNode(
  awsMember: string,
  rest: (input: RestInput) => string | undefined,
): OperationAuthorization {
  return {
    aws: (input, scope) => [scope.organizationNode(str(input, awsMember))],
    rest: (input, scope) => [scope.organizationNode(rest(input))],
  };
}

/** An IAM operation on one user or role of the caller's account, named by a path parameter. */
function iamEntityOperation(
  kind: 'user' | 'role',
  extra?: OperationAuthorization['context'],
): OperationAuthorization {
  return {
    rest: ({ params }, scope) =>
      kind === 'user'
        ? scope.iamUser(str(params, 'userName')).then((user) => [user])
        : scope.iamRole(str(params, 'roleName')).then((role) => [role]),
    ...(extra ? { context: extra } : {}),
  };
}

/** An IAM operation on one managed policy, named by its (encoded) ARN in the path. */
const IAM_POLICY: OperationAuthorization = {
  rest: ({ params }, scope) => [scope.iamArn(str(params, 'policyArn'))],
};

/** `iam:PolicyARN` of attachments (the policy named in the body or, for detaching, the query). */
const POLICY_ARN_KEY: OperationAuthorization['context'] = {
  rest: ({ body, query }) => keys({ 'iam:PolicyARN': str(body, 'policyArn') ?? str(query, 'policyArn') }),
};

/**
 * Every operation Trailplane serves, by IAM action (`<service>:<Operation>`), with the resources it
 * acts on (iam.md §1): trail ARNs (a bare name is the caller's trail in the called Region), the
 * Organizations ARNs of the caller's organization, IAM user/role/policy ARNs, the role to assume,
 * the account, or `*` for operations that take none.
 */
export const OPERATION_AUTHORIZATION: Readonly<Record<string, OperationAuthorization>> = {
  // CloudTrail
  'cloudtrail:CreateTrail': {
    aws: (input, scope) => [scope.trail(str(input, 'Name'))],
    rest: ({ body }, scope) => [scope.trail(str(body, 'name'))],
    context: TRAIL_REQUEST_TAGS,
  },
  'cloudtrail:UpdateTrail': trailOperation('Name'),
  'cloudtrail:DeleteTrail': trailOperation('Name'),
  'cloudtrail:GetTrail': trailOperation('Name'),
  'cloudtrail:StartLogging': trailOperation('Name'),
  'cloudtrail:StopLogging': trailOperation('Name'),
  'cloudtrail:GetTrailStatus': trailOperation('Name'),
  'cloudtrail:PutEventSelectors': trailOperation('TrailName'),
  'cloudtrail:GetEventSelectors': trailOperation('TrailName'),
  'cloudtrail:PutInsightSelectors': trailOperation('TrailName'),
  'cloudtrail:GetInsightSelectors': trailOperation('TrailName'),
  'cloudtrail:AddTags': { ...trailOperation('ResourceId'), context: TRAIL_REQUEST_TAGS },
  'cloudtrail:RemoveTags': trailOperation('ResourceId'),
  'cloudtrail:ListTags': {
    aws: (input, scope) => scope.trails(strs(input, 'ResourceIdList')),
    rest: ({ params }, scope) => [scope.trail(str(params, 'trail'))],
  },
  'cloudtrail:DescribeTrails': {
    aws: (input, scope) => scope.trails(strs(input, 'trailNameList')),
    rest: ({ query }, scope) => scope.trails(strs(query, 'name')),
  },
  'cloudtrail:ListTrails': NONE,
  'cloudtrail:LookupEvents': NONE,
  'cloudtrail:GetTrailPropagation': { rest: ({ params }, scope) => [scope.trail(str(params, 'trail'))] },
  'cloudtrail:RegisterOrganizationDelegatedAdmin': NONE,
  'cloudtrail:DeregisterOrganizationDelegatedAdmin': NONE,

  // Organizations: the organization and its accounts
  'organizations:CreateOrganization': NONE,
  'organizations:DescribeOrganization': NONE,
  'organizations:DeleteOrganization': NONE,
  'organizations:EnableAllFeatures': NONE,
  'organizations:LeaveOrganization': NONE,
  'organizations:CreateAccount': NONE,
  'organizations:DescribeCreateAccountStatus': NONE,
  'organizations:ListCreateAccountStatus': NONE,
  'organizations:InviteAccountToOrganization': NONE,
  'organizations:AcceptHandshake': NONE,
  'organizations:DeclineHandshake': NONE,
  'organizations:CancelHandshake': NONE,
  'organizations:DescribeHandshake': NONE,
  'organizations:ListHandshakesForAccount': NONE,
  'organizations:ListAccounts': NONE,
  'organizations:ListRoots': NONE,
  'organizations:DescribeAccount': organizationNode('AccountId', ({ params }) => str(params, 'accountId')),
  'organizations:RemoveAccountFromOrganization': organizationNode('AccountId', ({ params }) =>
    str(params, 'accountId'),
  ),
  'organizations:ListAccountsForParent': organizationNode('ParentId', ({ params }) =>
    str(params, 'parentId'),
  ),
  'organizations:CreateOrganizationalUnit': organizationNode('ParentId', ({ body }) => str(body, 'parentId')),
  'organizations:ListOrganizationalUnitsForParent': organizationNode('ParentId', ({ params }) =>
    str(params, 'parentId'),
  ),
  'organizations:DescribeOrganizationalUnit': organizationNode('OrganizationalUnitId', ({ params }) =>
    str(params, 'organizationalUnitId'),
  ),
  'organizations:ListParents': organizationNode('ChildId', ({ query }) => str(query, 'childId')),
  'organizations:MoveAccount': {
    aws: (input, scope) => [
      scope.memberAccount(str(input, 'AccountId')),
      scope.organizationNode(str(input, 'SourceParentId')),
      scope.organizationNode(str(input, 'DestinationParentId')),
    ],
    rest: ({ params, body }, scope) => [
      scope.memberAccount(str(params, 'accountId')),
      scope.organizationNode(str(body, 'sourceParentId')),
      scope.organizationNode(str(body, 'destinationParentId')),
    ],
  },
  'organizations:EnableAWSServiceAccess': NONE,
  'organizations:DisableAWSServiceAccess': NONE,
  'organizations:ListAWSServiceAccessForOrganization': NONE,
  'organizations:RegisterDelegatedAdministrator': organizationNode('AccountId', ({ params }) =>
    str(params, 'accountId'),
  ),
  'organizations:DeregisterDelegatedAdministrator': organizationNode('AccountId', ({ params }) =>
    str(params, 'accountId'),
  ),
  'organizations:ListDelegatedAdministrators': NONE,
  'organizations:ListDelegatedServicesForAccount': organizationNode('AccountId', ({ params }) =>
    str(params, 'accountId'),
  ),

  // Organizations: service control policies
  'organizations:CreatePolicy': NONE,
  'organizations:ListPolicies': NONE,
  'organizations:DescribePolicy': {
    aws: (input, scope) => [scope.serviceControlPolicy(str(input, 'PolicyId'))],
    rest: ({ params }, scope) => [scope.serviceControlPolicy(str(params, 'policyId'))],
  },
  'organizations:UpdatePolicy': {
    aws: (input, scope) => [scope.serviceControlPolicy(str(input, 'PolicyId'))],
    rest: ({ params }, scope) => [scope.serviceControlPolicy(str(params, 'policyId'))],
  },
  'organizations:DeletePolicy': {
    aws: (input, scope) => [scope.serviceControlPolicy(str(input, 'PolicyId'))],
    rest: ({ params }, scope) => [scope.serviceControlPolicy(str(params, 'policyId'))],
  },
  'organizations:ListTargetsForPolicy': {
    aws: (input, scope) => [scope.serviceControlPolicy(str(input, 'PolicyId'))],
    rest: ({ params }, scope) => [scope.serviceControlPolicy(str(params, 'policyId'))],
  },
  'organizations:AttachPolicy': {
    aws: (input, scope) => [
      scope.serviceControlPolicy(str(input, 'PolicyId')),
      scope.organizationNode(str(input, 'TargetId')),
    ],
    rest: ({ params }, scope) => [
      scope.serviceControlPolicy(str(params, 'policyId')),
      scope.organizationNode(str(params, 'targetId')),
    ],
  },
  'organizations:DetachPolicy': {
    aws: (input, scope) => [
      scope.serviceControlPolicy(str(input, 'PolicyId')),
      scope.organizationNode(str(input, 'TargetId')),
    ],
    rest: ({ params }, scope) => [
      scope.serviceControlPolicy(str(params, 'policyId')),
      scope.organizationNode(str(params, 'targetId')),
    ],
  },
  'organizations:ListPoliciesForTarget': organizationNode('TargetId', ({ params }) =>
    str(params, 'targetId'),
  ),
  'organizations:EnablePolicyType': organizationNode('RootId', ({ params }) => str(params, 'rootId')),
  'organizations:DisablePolicyType': organizationNode('RootId', ({ params }) => str(params, 'rootId')),

  // Account Management (the caller's Regions) and the partition operator's routes
  'account:ListRegions': { rest: (_input, scope) => [scope.account()] },
  'account:EnableRegion': { rest: (_input, scope) => [scope.account()] },
  'account:DisableRegion': { rest: (_input, scope) => [scope.account()] },
  'trailplane:CreateAccount': REST_NONE,
  'trailplane:LaunchRegion': REST_NONE,
  'trailplane:ListPartitionRegions': REST_NONE,

  // IAM users
  'iam:CreateUser': {
    rest: ({ body }, scope) => [scope.newIamEntity('user', str(body, 'path'), str(body, 'userName'))],
  },
  'iam:ListUsers': REST_NONE,
  'iam:GetUser': iamEntityOperation('user'),
  'iam:DeleteUser': iamEntityOperation('user'),
  'iam:AttachUserPolicy': iamEntityOperation('user', POLICY_ARN_KEY),
  'iam:DetachUserPolicy': iamEntityOperation('user', POLICY_ARN_KEY),
  'iam:ListAttachedUserPolicies': iamEntityOperation('user'),
  'iam:PutUserPolicy': iamEntityOperation('user'),
  'iam:GetUserPolicy': iamEntityOperation('user'),
  'iam:DeleteUserPolicy': iamEntityOperation('user'),
  'iam:ListUserPolicies': iamEntityOperation('user'),
  'iam:CreateAccessKey': iamEntityOperation('user'),
  'iam:DeleteAccessKey': iamEntityOperation('user'),
  'iam:ListAccessKeys': iamEntityOperation('user'),

  // IAM roles
  'iam:CreateRole': {
    rest: ({ body }, scope) => [scope.newIamEntity('role', str(body, 'path'), str(body, 'roleName'))],
  },
  'iam:ListRoles': REST_NONE,
  'iam:GetRole': iamEntityOperation('role'),
  'iam:DeleteRole': iamEntityOperation('role'),
  'iam:AttachRolePolicy': iamEntityOperation('role', POLICY_ARN_KEY),
  'iam:DetachRolePolicy': iamEntityOperation('role', POLICY_ARN_KEY),
  'iam:ListAttachedRolePolicies': iamEntityOperation('role'),
  'iam:PutRolePolicy': iamEntityOperation('role'),
  'iam:GetRolePolicy': iamEntityOperation('role'),
  'iam:DeleteRolePolicy': iamEntityOperation('role'),
  'iam:ListRolePolicies': iamEntityOperation('role'),

  // IAM managed policies and simulation
  'iam:CreatePolicy': {
    rest: ({ body }, scope) => [scope.newIamEntity('policy', str(body, 'path'), str(body, 'policyName'))],
  },
  'iam:ListPolicies': REST_NONE,
  'iam:GetPolicy': IAM_POLICY,
  'iam:DeletePolicy': IAM_POLICY,
  'iam:CreatePolicyVersion': IAM_POLICY,
  'iam:GetPolicyVersion': IAM_POLICY,
  'iam:ListPolicyVersions': IAM_POLICY,
  'iam:DeletePolicyVersion': IAM_POLICY,
  'iam:SetDefaultPolicyVersion': IAM_POLICY,
  'iam:SimulateCustomPolicy': REST_NONE,
  'iam:SimulatePrincipalPolicy': { rest: ({ body }, scope) => [scope.iamArn(str(body, 'policySourceArn'))] },

  // STS
  'sts:AssumeRole': {
    aws: (input, scope) => [scope.roleToAssume(str(input, 'RoleArn'))],
    rest: ({ body }, scope) => [scope.roleToAssume(str(body, 'roleArn'))],
    context: {
      aws: (input) =>
        keys({
          'sts:ExternalId': str(input, 'ExternalId'),
          'sts:RoleSessionName': str(input, 'RoleSessionName'),
        }),
      rest: ({ body }) =>
        keys({
          'sts:ExternalId': str(body, 'externalId'),
          'sts:RoleSessionName': str(body, 'roleSessionName'),
        }),
    },
  },
  'sts:GetCallerIdentity': { ...NONE, unconditional: true },
};
