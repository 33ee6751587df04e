import { type Principal } from '@app/platform';
import { type PrincipalKind } from '../domain/managed-policy';

/** The user, or the role behind a session, whose identity policies apply; none for root. */
export function policyHolderOf(principal: Principal): { kind: PrincipalKind; id: string } | undefined {
  switch (principal.type) {
    case 'IAMUser':
      return { kind: 'user', id: principal.principalId };
    case 'AssumedRole':
      return principal.sessionIssuer ? { kind: 'role', id: principal.sessionIssuer.principalId } : undefined;
    case 'Root':
      return undefined;
  }
}

/** Sessions of one role share its policy set. */
export function policySetKey(principal: Principal): string {
  const holder = policyHolderOf(principal);
  return holder ? `${holder.kind}/${holder.id}` : `root/${principal.accountId}`;
}
