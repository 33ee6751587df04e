import { type Tag } from './iam-names';

/** A policy document as stored and returned (IAM JSON policy grammar; parsed by the policy engine). */
export type PolicyDocument = Readonly<Record<string, unknown>>;

/** An IAM role: who may assume it is its trust policy. */
export interface IamRole {
  /** AWS-style unique id (`AROA…`). */
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  readonly path: string;
  readonly trustPolicy: PolicyDocument;
  readonly description?: string;
  readonly maxSessionSeconds: number;
  readonly tags: readonly Tag[];
  readonly createdAt: Date;
}

export interface NewIamRole {
  readonly accountId: string;
  readonly name: string;
  readonly path?: string;
  readonly trustPolicy: PolicyDocument;
  readonly description?: string;
  readonly maxSessionSeconds?: number;
  readonly tags?: readonly Tag[];
  /** Managed policies (ids) attached as the role is created, e.g. AdministratorAccess for the access role. */
  readonly managedPolicyIds?: readonly string[];
}
