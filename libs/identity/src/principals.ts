import { type Principal } from '@app/platform';

export function rootPrincipal(
  partition: string,
  accountId: string,
  accessKeyId: string,
  isPartitionOperator: boolean,
): Principal {
  return {
    type: 'Root',
    accountId,
    arn: `arn:${partition}:iam::${accountId}:root`,
    principalId: accountId,
    accessKeyId,
    isPartitionOperator,
  };
}

/** An IAM user signing with one of its access keys; `user.path` is `/` or `/division/…/`. */
export function userPrincipal(
  partition: string,
  accountId: string,
  user: { readonly id: string; readonly name: string; readonly path: string },
  accessKeyId: string,
): Principal {
  return {
    type: 'IAMUser',
    accountId,
    arn: `arn:${partition}:iam::${accountId}:user${user.path}${user.name}`,
    principalId: user.id,
    accessKeyId,
    userName: user.name,
    isPartitionOperator: false,
  };
}

/**
 * A role session from STS AssumeRole: `arn:<p>:sts::<acct>:assumed-role/<role>/<session>` (the role's
 * path is not part of it), principal id `<role id>:<session>`, issued by the role.
 */
export function assumedRolePrincipal(
  partition: string,
  accountId: string,
  role: { readonly id: string; readonly name: string; readonly path: string },
  session: { readonly name: string; readonly accessKeyId: string; readonly createdAt: Date },
): Principal {
  return {
    type: 'AssumedRole',
    accountId,
    arn: `arn:${partition}:sts::${accountId}:assumed-role/${role.name}/${session.name}`,
    principalId: `${role.id}:${session.name}`,
    accessKeyId: session.accessKeyId,
    sessionIssuer: {
      type: 'Role',
      principalId: role.id,
      arn: `arn:${partition}:iam::${accountId}:role${role.path}${role.name}`,
      accountId,
      userName: role.name,
    },
    sessionCreatedAt: session.createdAt,
    isPartitionOperator: false,
  };
}
