/*
 * Organizations ARNs (cloudtrail.md §5). They are global (no Region) and carry the management
 * account's id, whichever member they name.
 */

function base(partition: string, managementAccountId: string): string {
  return `arn:${partition}:organizations::${managementAccountId}`;
}

export function organizationArn(
  partition: string,
  managementAccountId: string,
  organizationId: string,
): string {
  return `${base(partition, managementAccountId)}:organization/${organizationId}`;
}

export function accountArn(
  partition: string,
  managementAccountId: string,
  organizationId: string,
  accountId: string,
): string {
  return `${base(partition, managementAccountId)}:account/${organizationId}/${accountId}`;
}

export function rootArn(
  partition: string,
  managementAccountId: string,
  organizationId: string,
  rootId: string,
): string {
  return `${base(partition, managementAccountId)}:root/${organizationId}/${rootId}`;
}

export function organizationalUnitArn(
  partition: string,
  managementAccountId: string,
  organizationId: string,
  ouId: string,
): string {
  return `${base(partition, managementAccountId)}:ou/${organizationId}/${ouId}`;
}

/** `action` is the handshake's action in lower case, e.g. `invite`, `enable_all_features`. */
export function handshakeArn(
  partition: string,
  managementAccountId: string,
  organizationId: string,
  action: string,
  handshakeId: string,
): string {
  return `${base(partition, managementAccountId)}:handshake/${organizationId}/${action.toLowerCase()}/${handshakeId}`;
}
