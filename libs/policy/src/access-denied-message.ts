import { type AuthorizationRequest } from './authorization-request';
import { type DenyResult } from './evaluation-result';

/**
 * The message of `AccessDeniedException` (AWS JSON protocols) / `AccessDenied` (query protocol), worded as
 * AWS words it (iam.md §6):
 * `User: <principal ARN> is not authorized to perform: <action> on resource: <resource ARN> <why>`.
 */
export function accessDeniedMessage(request: AuthorizationRequest, result: DenyResult): string {
  const { action } = request;
  return `User: ${request.principal.arn} is not authorized to perform: ${action} on resource: ${request.resource.arn} ${denialCause(result, action)}`;
}

function denialCause(result: DenyResult, action: string): string {
  if (result.decision === 'ExplicitDeny') {
    switch (result.reason.kind) {
      case 'scp':
        return 'with an explicit deny in a service control policy';
      case 'rcp':
        return 'with an explicit deny in a resource control policy';
      case 'identity':
        return 'with an explicit deny in an identity-based policy';
      case 'resource':
        return 'with an explicit deny in a resource-based policy';
    }
  }
  switch (result.reason.kind) {
    case 'scp':
      return `because no service control policy allows the ${action} action`;
    case 'rcp':
      return `because no resource control policy allows the ${action} action`;
    case 'identity':
      return `because no identity-based policy allows the ${action} action`;
    case 'resource':
      return `because no resource-based policy allows the ${action} action`;
  }
}
