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

export function userPrincipal(
  partition: string,
  accountId: string,
  userName: string,
  accessKeyId: string,
): Principal {
  return {
    type: 'IAMUser',
    accountId,
    arn: `arn:${partition}:iam::${accountId}:user/${userName}`,
    principalId: accessKeyId,
    accessKeyId,
    userName,
    isPartitionOperator: false,
  };
}
