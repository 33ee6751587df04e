import { AsyncLocalStorage } from 'node:async_hooks';

/** Who made a call, as SigV4 authentication resolved it (the `userIdentity` of its event). */
export interface Principal {
  readonly type: 'Root' | 'IAMUser' | 'AssumedRole';
  readonly accountId: string;
  /** `arn:aws:iam::<acct>:root`, `…:user/<name>` or `arn:aws:sts::<acct>:assumed-role/<role>/<session>`. */
  readonly arn: string;
  /** AWS-style unique id (`AIDA…`, `AROA…:<session>`, or the account id for root). */
  readonly principalId: string;
  readonly accessKeyId: string;
  readonly userName?: string;
  /** For assumed-role sessions: the role that issued them. */
  readonly sessionIssuer?: {
    readonly type: 'Role';
    readonly principalId: string;
    readonly arn: string;
    readonly accountId: string;
    readonly userName: string;
  };
  readonly sessionCreatedAt?: Date;
  /** The root user of the bootstrap account, who administers the partition itself. */
  readonly isPartitionOperator: boolean;
  readonly tags?: Readonly<Record<string, string>>;
}

/** One API call: the identity, Region and transport facts every use case and event record needs. */
export interface RequestContext {
  readonly requestId: string;
  readonly principal: Principal;
  /** The caller's account (the principal's). */
  readonly accountId: string;
  /** The Region the request acts in: the SigV4 credential scope's Region. */
  readonly region: string;
  readonly partition: string;
  readonly sourceIp: string;
  readonly userAgent: string;
  readonly receivedAt: Date;
  readonly secureTransport: boolean;
  /** The caller's account authorization generation, read with its credentials (policy-set cache key). */
  readonly authorizationGeneration?: number;
}

/** Request-scoped values reachable without threading them through every call (logs, events). */
export interface RequestScope {
  readonly requestId: string;
  context?: RequestContext;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}
