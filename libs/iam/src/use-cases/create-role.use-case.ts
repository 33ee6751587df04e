import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { IamValidationError } from '../domain/iam.errors';
import { MAX_SESSION_DURATION, TRUST_POLICY_LIMIT } from '../domain/iam-limits';
import { assertDescription, assertRoleName, normalizePath, normalizeTags } from '../domain/iam-names';
import { type RoleOutput, toRoleOutput } from '../domain/iam-outputs';
import { type PolicyDocument } from '../domain/iam-role';
import { checkPolicyDocument } from '../domain/policy-documents';
import { IamRoleRepository } from '../persistence/iam-role.repository';

export interface CreateRoleInput {
  roleName: string;
  /** The trust policy (JSON text): who may assume the role. */
  assumeRolePolicyDocument: string;
  path?: string;
  description?: string;
  maxSessionDuration?: number;
  tags?: { key: string; value?: string }[];
}

/** CreateRole: the trust policy is validated as a trust policy (Principal required); nothing is stored on error. */
@Injectable()
export class CreateRoleUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly roles: IamRoleRepository,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: CreateRoleInput): Promise<RoleOutput> {
    assertRoleName(input.roleName);
    assertDescription(input.description);
    const maxSessionSeconds = input.maxSessionDuration ?? MAX_SESSION_DURATION.default;
    if (
      !Number.isInteger(maxSessionSeconds) ||
      maxSessionSeconds < MAX_SESSION_DURATION.min ||
      maxSessionSeconds > MAX_SESSION_DURATION.max
    ) {
      throw new IamValidationError(
        `The requested MaxSessionDuration ${maxSessionSeconds} is outside ${MAX_SESSION_DURATION.min}–${MAX_SESSION_DURATION.max} seconds.`,
      );
    }
    const trust = checkPolicyDocument(input.assumeRolePolicyDocument, 'trust', TRUST_POLICY_LIMIT);
    const role = {
      accountId: ctx.accountId,
      name: input.roleName,
      path: normalizePath(input.path),
      trustPolicy: JSON.parse(trust) as PolicyDocument,
      ...(input.description === undefined ? {} : { description: input.description }),
      maxSessionSeconds,
      tags: normalizeTags(input.tags),
    };
    return this.tx.run(async (em) =>
      toRoleOutput(await this.roles.insert(em, role, this.clock.now()), ctx.partition),
    );
  }
}
