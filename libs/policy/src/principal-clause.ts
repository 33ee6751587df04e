import { type RequestPrincipal } from './authorization-request';
import { type PrincipalList } from './policy-document';

/**
 * How a statement's `Principal` covers the caller. `account` (an account id or `arn:aws:iam::<acct>:root`)
 * delegates to the account: the caller's own identity policy must allow too. `direct` (`*`, the caller's
 * exact ARN, or the role of an assumed-role session) grants the caller itself.
 */
export type PrincipalMatch = 'none' | 'account' | 'direct';

const ACCOUNT_ROOT = /^arn:aws[a-z-]*:iam::(\d{12}):root$/;
const ROLE = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;
const ASSUMED_ROLE = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/;

export class PrincipalClause {
  private readonly accounts = new Set<string>();
  private readonly exactArns = new Set<string>();
  /** `<partition>:<account>:<lower-case role name>` of every role ARN, to recognise its sessions. */
  private readonly roleSessions = new Set<string>();

  constructor(private readonly list: PrincipalList) {
    for (const entry of list.aws) {
      const root = ACCOUNT_ROOT.exec(entry);
      if (/^\d{12}$/.test(entry)) this.accounts.add(entry);
      else if (root) this.accounts.add(root[1]);
      else this.exactArns.add(entry);
      const role = ROLE.exec(entry);
      if (role) this.roleSessions.add(`${role[1]}:${role[2]}:${role[3].toLowerCase()}`);
    }
    for (const service of list.services) this.exactArns.add(service);
  }

  match(principal: RequestPrincipal): PrincipalMatch {
    const listed = this.matchListed(principal);
    if (!this.list.negated) return listed;
    return listed === 'none' ? 'direct' : 'none';
  }

  private matchListed(principal: RequestPrincipal): PrincipalMatch {
    if (this.list.anyone || this.exactArns.has(principal.arn)) return 'direct';
    if (this.roleSessions.size > 0 && principal.arn.includes(':assumed-role/')) {
      const session = ASSUMED_ROLE.exec(principal.arn);
      if (session && this.roleSessions.has(`${session[1]}:${session[2]}:${session[3].toLowerCase()}`)) {
        return 'direct';
      }
    }
    return this.accounts.has(principal.account) ? 'account' : 'none';
  }
}
