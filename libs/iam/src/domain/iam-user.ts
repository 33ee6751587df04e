import { type Tag } from './iam-names';

/** An IAM user of an account. */
export interface IamUser {
  /** AWS-style unique id (`AIDA…`). */
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  readonly path: string;
  readonly tags: readonly Tag[];
  readonly createdAt: Date;
}
