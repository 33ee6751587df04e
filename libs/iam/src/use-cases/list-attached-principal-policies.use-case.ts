import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { managedPolicyArn } from '../domain/iam-arns';
import { type AttachedPolicyOutput } from '../domain/iam-outputs';
import { type PrincipalKind } from '../domain/managed-policy';
import { PolicyAttachmentRepository } from '../persistence/policy-attachment.repository';
import { IamEntityLocator } from './iam-entity.locator';

/** ListAttachedUserPolicies / ListAttachedRolePolicies (at most ten, one page). */
@Injectable()
export class ListAttachedPrincipalPoliciesUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: IamEntityLocator,
    private readonly attachments: PolicyAttachmentRepository,
  ) {}

  async execute(
    ctx: RequestContext,
    input: { kind: PrincipalKind; principalName: string },
  ): Promise<AttachedPolicyOutput[]> {
    return this.tx.read(async (em) => {
      const holder = await this.locate.holder(em, ctx.accountId, input.kind, input.principalName);
      return (await this.attachments.listForHolder(em, holder)).map((row) => ({
        policyName: row.policyName,
        policyArn: managedPolicyArn(ctx.partition, row.policyAccountId, row.policyPath, row.policyName),
      }));
    });
  }
}
