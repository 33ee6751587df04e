import { type OperationScope, type ResourceRef, textMember } from '@app/platform';
import { iamRoleArn, iamUserArn, managedPolicyArn } from '../domain/iam-arns';
import { IamRoleRepository } from '../persistence/iam-role.repository';
import { IamUserRepository } from '../persistence/iam-user.repository';

const ARN_ACCOUNT = /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/;

function any(scope: OperationScope): ResourceRef {
  return { arn: '*', account: scope.accountId };
}

/** A user of the caller's account by name: its ARN carries its path (`/` when it does not exist). */
export async function iamUserResource(scope: OperationScope, name: unknown): Promise<ResourceRef> {
  const userName = textMember(name);
  if (userName === undefined) return any(scope);
  const users = scope.resolve(IamUserRepository);
  const user = await scope.read((em) => users.findByName(em, scope.accountId, userName));
  return {
    arn: iamUserArn(scope.partition, scope.accountId, user?.path ?? '/', userName),
    account: scope.accountId,
  };
}

/** A role of the caller's account by name, like `iamUserResource`. */
export async function iamRoleResource(scope: OperationScope, name: unknown): Promise<ResourceRef> {
  const roleName = textMember(name);
  if (roleName === undefined) return any(scope);
  const roles = scope.resolve(IamRoleRepository);
  const role = await scope.read((em) => roles.findByName(em, scope.accountId, roleName));
  return {
    arn: iamRoleArn(scope.partition, scope.accountId, role?.path ?? '/', roleName),
    account: scope.accountId,
  };
}

/** A user, role or policy about to be created: its ARN from the requested path. */
export function newIamResource(
  scope: OperationScope,
  type: 'user' | 'role' | 'policy',
  path: unknown,
  name: unknown,
): ResourceRef {
  const entityName = textMember(name);
  if (entityName === undefined) return any(scope);
  const entityPath = textMember(path) ?? '/';
  const arn =
    type === 'user'
      ? iamUserArn(scope.partition, scope.accountId, entityPath, entityName)
      : type === 'role'
        ? iamRoleArn(scope.partition, scope.accountId, entityPath, entityName)
        : managedPolicyArn(scope.partition, scope.accountId, entityPath, entityName);
  return { arn, account: scope.accountId };
}

/** An IAM ARN as given (policy, user, role); AWS managed policies count as the caller's to read. */
export function iamArnResource(scope: OperationScope, arn: unknown): ResourceRef {
  const value = textMember(arn);
  if (value === undefined) return any(scope);
  return { arn: value, account: ARN_ACCOUNT.exec(value)?.[1] ?? scope.accountId };
}

/** The role of `sts:AssumeRole`: its trust policy is the owner's side. */
export function roleToAssumeResource(scope: OperationScope, arn: unknown): ResourceRef {
  const value = textMember(arn);
  if (value === undefined) return any(scope);
  return { arn: value, account: ARN_ACCOUNT.exec(value)?.[1] ?? scope.accountId, kind: 'assumable-role' };
}
