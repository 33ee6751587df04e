/** A managed policy: customer managed (of an account) or AWS managed (`accountId` null). */
export interface ManagedPolicy {
  /** AWS-style unique id (`ANPA…`). */
  readonly id: string;
  readonly accountId: string | null;
  readonly name: string;
  readonly path: string;
  readonly description?: string;
  readonly defaultVersionId: string;
  /** The number the next version gets (`v<n>`). */
  readonly nextVersion: number;
  readonly attachmentCount: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** One immutable version of a managed policy's document. */
export interface PolicyVersion {
  readonly versionId: string;
  readonly document: string;
  readonly isDefaultVersion: boolean;
  readonly createdAt: Date;
}

/** A managed policy attached to a user or role. */
export interface AttachedPolicy {
  readonly policyId: string;
  readonly policyName: string;
  readonly policyArn: string;
}

/** Users and roles carry identity policies; the two differ only in the IAM operation names. */
export type PrincipalKind = 'user' | 'role';

/** A user or role to which policies are attached: its kind, unique id and account. */
export interface PolicyHolder {
  readonly kind: PrincipalKind;
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
}
