import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { parseIamArn } from '../domain/iam-arns';
import { AccessDeniedError, IamValidationError, NoSuchEntityError } from '../domain/iam.errors';
import { type IamRole } from '../domain/iam-role';
import { type IamUser } from '../domain/iam-user';
import { type ManagedPolicy, type PolicyHolder, type PrincipalKind } from '../domain/managed-policy';
import { IamRoleRepository } from '../persistence/iam-role.repository';
import { IamUserRepository } from '../persistence/iam-user.repository';
import { ManagedPolicyRepository } from '../persistence/managed-policy.repository';

/** How a missing managed policy is worded: GetPolicy and friends, or an attachment. */
export type MissingPolicyWording = 'not-found' | 'not-attachable';

/** Finds the IAM entities a request names in the caller's account, or answers NoSuchEntity. */
@Injectable()
export class IamEntityLocator {
  constructor(
    private readonly users: IamUserRepository,
    private readonly roles: IamRoleRepository,
    private readonly policies: ManagedPolicyRepository,
  ) {}

  async user(
    em: EntityManager,
    accountId: string,
    name: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<IamUser> {
    const user = await this.users.findByName(em, accountId, name, options);
    if (!user) throw new NoSuchEntityError(`The user with name ${name} cannot be found.`);
    return user;
  }

  async role(
    em: EntityManager,
    accountId: string,
    name: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<IamRole> {
    const role = await this.roles.findByName(em, accountId, name, options);
    if (!role) throw new NoSuchEntityError(`The role with name ${name} cannot be found.`);
    return role;
  }

  /** The user or role to which policies are attached, locked when asked (serialises its quotas). */
  async holder(
    em: EntityManager,
    accountId: string,
    kind: PrincipalKind,
    name: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<PolicyHolder> {
    const entity =
      kind === 'user'
        ? await this.user(em, accountId, name, options)
        : await this.role(em, accountId, name, options);
    return { kind, id: entity.id, accountId, name: entity.name };
  }

  /** A managed policy by ARN: the caller's own or an AWS managed one. */
  async policy(
    em: EntityManager,
    accountId: string,
    partition: string,
    arn: string,
    options: { forUpdate?: boolean; wording?: MissingPolicyWording } = {},
  ): Promise<ManagedPolicy> {
    const parts = parseIamArn(arn, partition);
    if (!parts || parts.type !== 'policy') throw new IamValidationError(`ARN ${arn} is not valid.`);
    const policy =
      parts.account === accountId || parts.account === 'aws'
        ? await this.policies.findByName(
            em,
            accountId,
            { owner: parts.account, path: parts.path, name: parts.name },
            options,
          )
        : undefined;
    if (!policy) {
      throw new NoSuchEntityError(
        options.wording === 'not-attachable'
          ? `Policy ${arn} does not exist or is not attachable.`
          : `Policy ${arn} was not found.`,
      );
    }
    return policy;
  }

  /** A customer managed policy of the caller, for changes; AWS managed policies are read-only. */
  async ownPolicy(
    em: EntityManager,
    accountId: string,
    partition: string,
    arn: string,
  ): Promise<ManagedPolicy> {
    const policy = await this.policy(em, accountId, partition, arn, { forUpdate: true });
    if (policy.accountId === null)
      throw new AccessDeniedError(`Cannot modify the AWS managed policy ${arn}.`);
    return policy;
  }
}
