import {
  CreateAccessKey,
  CreatePolicy,
  CreatePolicyVersion,
  CreateRole,
  CreateUser,
  DeleteAccessKey,
  DeletePolicy,
  DeletePolicyVersion,
  DeleteRole,
  DeleteUser,
  GetPolicy,
  GetPolicyVersion,
  GetRole,
  GetUser,
  ListAccessKeys,
  ListPolicies,
  ListPolicyVersions,
  ListRoles,
  ListUsers,
  type PrincipalPolicyOperations,
  ROLE_POLICY_OPERATIONS,
  SetDefaultPolicyVersion,
  SimulatePrincipalPolicy,
  USER_POLICY_OPERATIONS,
} from '@app/iam';
import {
  awsQuery,
  type AwsQueryOperation,
  type AwsQueryService,
  formBoolean,
  formInteger,
} from './aws-query-service';
import {
  iamAccessKey,
  iamAttachedPolicy,
  iamDocument,
  iamEvaluationResult,
  iamPage,
  iamPolicy,
  iamPolicyVersion,
  iamRole,
  iamUser,
  WHOLE_LIST,
} from './iam-query-response';
import { QUERY_NAMESPACES } from './query-namespaces';

const NO_RESULT = (): undefined => undefined;

/** `MaxItems` of the IAM listings, an integer on the form. */
const listed = (form: Record<string, unknown>): object => ({ ...form, maxItems: formInteger(form.maxItems) });

/**
 * SimulatePrincipalPolicy's `ContextEntries.member.N.{ContextKeyName, ContextKeyValues.member.N}` as
 * the operation's key → value(s); anything else is kept for validation to refuse.
 */
function contextEntries(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const entries: Record<string, unknown> = {};
  for (const entry of value as unknown[]) {
    const { contextKeyName: key, contextKeyValues: values } = (entry ?? {}) as Record<string, unknown>;
    if (typeof key !== 'string') return value;
    entries[key] = Array.isArray(values) && values.length === 1 ? values[0] : values;
  }
  return entries;
}

/** The user or role variants of the principal policy operations, naming the principal as IAM does. */
function principalPolicies(operations: PrincipalPolicyOperations, principal: 'UserName' | 'RoleName') {
  return [
    awsQuery(operations.listAttached, (policies) => ({
      AttachedPolicies: policies.map(iamAttachedPolicy),
      ...WHOLE_LIST,
    })),
    awsQuery(operations.attach, NO_RESULT),
    awsQuery(operations.detach, NO_RESULT),
    awsQuery(operations.list, (names) => ({ PolicyNames: names, ...WHOLE_LIST })),
    awsQuery(operations.put, NO_RESULT),
    awsQuery(operations.get, (policy) => ({
      [principal]: policy.principalName,
      PolicyName: policy.policyName,
      PolicyDocument: iamDocument(policy.policyDocument),
    })),
    awsQuery(operations.remove, NO_RESULT),
  ];
}

const USERS: AwsQueryOperation[] = [
  awsQuery(CreateUser, (user) => ({ User: iamUser(user) })),
  awsQuery(GetUser, (user) => ({ User: iamUser(user) })),
  awsQuery(ListUsers, (page) => ({ Users: page.items.map(iamUser), ...iamPage(page) }), listed),
  awsQuery(DeleteUser, NO_RESULT),
  awsQuery(CreateAccessKey, (key) => ({ AccessKey: iamAccessKey(key) })),
  awsQuery(ListAccessKeys, (keys) => ({ AccessKeyMetadata: keys.map(iamAccessKey), ...WHOLE_LIST })),
  awsQuery(DeleteAccessKey, NO_RESULT),
];

const ROLES: AwsQueryOperation[] = [
  awsQuery(
    CreateRole,
    (role) => ({ Role: iamRole(role) }),
    (form) => ({ ...form, maxSessionDuration: formInteger(form.maxSessionDuration) }),
  ),
  awsQuery(GetRole, (role) => ({ Role: iamRole(role) })),
  awsQuery(ListRoles, (page) => ({ Roles: page.items.map(iamRole), ...iamPage(page) }), listed),
  awsQuery(DeleteRole, NO_RESULT),
];

const MANAGED_POLICIES: AwsQueryOperation[] = [
  awsQuery(CreatePolicy, (policy) => ({ Policy: iamPolicy(policy) })),
  awsQuery(GetPolicy, (policy) => ({ Policy: iamPolicy(policy) })),
  awsQuery(
    ListPolicies,
    (page) => ({ Policies: page.items.map(iamPolicy), ...iamPage(page) }),
    (form) => ({ ...listed(form), onlyAttached: formBoolean(form.onlyAttached) }),
  ),
  awsQuery(DeletePolicy, NO_RESULT),
  awsQuery(
    CreatePolicyVersion,
    (version) => ({ PolicyVersion: iamPolicyVersion(version, false) }),
    (form) => ({ ...form, setAsDefault: formBoolean(form.setAsDefault) }),
  ),
  awsQuery(GetPolicyVersion, (version) => ({ PolicyVersion: iamPolicyVersion(version, true) })),
  awsQuery(ListPolicyVersions, (versions) => ({
    Versions: versions.map((version) => iamPolicyVersion(version, false)),
    ...WHOLE_LIST,
  })),
  awsQuery(DeletePolicyVersion, NO_RESULT),
  awsQuery(SetDefaultPolicyVersion, NO_RESULT),
];

/**
 * AWS IAM on the query protocol (`Action=CreateUser&Version=2010-05-08`, signed for the `iam`
 * service; IAM is global), answering the XML the AWS CLI and SDKs parse: lists as `<member>` items,
 * `Marker`/`IsTruncated` paging, policy documents URL-encoded.
 */
export const IAM_AWS_QUERY: AwsQueryService = {
  service: 'iam',
  xmlNamespace: QUERY_NAMESPACES.iam,
  operations: [
    ...USERS,
    ...ROLES,
    ...MANAGED_POLICIES,
    ...principalPolicies(USER_POLICY_OPERATIONS, 'UserName'),
    ...principalPolicies(ROLE_POLICY_OPERATIONS, 'RoleName'),
    awsQuery(
      SimulatePrincipalPolicy,
      (results) => ({ EvaluationResults: results.map(iamEvaluationResult), IsTruncated: false }),
      (form) => ({ ...form, contextEntries: contextEntries(form.contextEntries) }),
    ),
  ],
};
