import { Injectable } from '@nestjs/common';
import { POLICY_SIZE_LIMITS } from '@app/policy';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { LimitExceededError } from '../domain/iam.errors';
import { IAM_QUOTAS } from '../domain/iam-limits';
import { type PolicyVersionOutput, toPolicyVersionOutput } from '../domain/iam-outputs';
import { checkPolicyDocument } from '../domain/policy-documents';
import { ManagedPolicyRepository } from '../persistence/managed-policy.repository';
import { IamEntityLocator } from './iam-entity.locator';

export interface CreatePolicyVersionInput {
  policyArn: string;
  policyDocument: string;
  setAsDefault?: boolean;
}

/** CreatePolicyVersion: at most five versions; the new one becomes the default when asked. */
@Injectable()
export class CreatePolicyVersionUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: IamEntityLocator,
    private readonly policies: ManagedPolicyRepository,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: CreatePolicyVersionInput): Promise<PolicyVersionOutput> {
    const document = checkPolicyDocument(input.policyDocument, 'identity', POLICY_SIZE_LIMITS.managedPolicy);
    return this.tx.run(async (em) => {
      const policy = await this.locate.ownPolicy(em, ctx.accountId, ctx.partition, input.policyArn);
      if ((await this.policies.listVersions(em, policy)).length >= IAM_QUOTAS.versionsPerManagedPolicy) {
        throw new LimitExceededError(
          `A managed policy can have up to ${IAM_QUOTAS.versionsPerManagedPolicy} versions. Before you create a new version, you must delete an existing version.`,
        );
      }
      const now = this.clock.now();
      const versionId = `v${policy.nextVersion}`;
      await this.policies.insertVersion(em, policy.id, versionId, document, now);
      const setAsDefault = input.setAsDefault ?? false;
      await this.policies.update(
        em,
        policy.id,
        { nextVersion: policy.nextVersion + 1, ...(setAsDefault ? { defaultVersionId: versionId } : {}) },
        now,
      );
      return toPolicyVersionOutput({ versionId, document, isDefaultVersion: setAsDefault, createdAt: now });
    });
  }
}
