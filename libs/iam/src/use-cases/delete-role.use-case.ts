import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { DeleteConflictError } from '../domain/iam.errors';
import { IamRoleRepository } from '../persistence/iam-role.repository';
import { InlinePolicyRepository } from '../persistence/inline-policy.repository';
import { PolicyAttachmentRepository } from '../persistence/policy-attachment.repository';
import { IamEntityLocator } from './iam-entity.locator';

/**
 * DeleteRole: only once its attached and inline policies are gone (DeleteConflict). Its sessions
 * die with it: their credentials stop authenticating at once.
 */
@Injectable()
export class DeleteRoleUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: IamEntityLocator,
    private readonly roles: IamRoleRepository,
    private readonly attachments: PolicyAttachmentRepository,
    private readonly inline: InlinePolicyRepository,
  ) {}

  async execute(ctx: RequestContext, input: { roleName: string }): Promise<void> {
    await this.tx.run(async (em) => {
      const holder = await this.locate.holder(em, ctx.accountId, 'role', input.roleName, { forUpdate: true });
      if ((await this.attachments.countForHolder(em, holder)) > 0) {
        throw new DeleteConflictError('Cannot delete entity, must detach all policies first.');
      }
      if ((await this.inline.listNames(em, holder)).length > 0) {
        throw new DeleteConflictError('Cannot delete entity, must delete policies first.');
      }
      await this.roles.delete(em, holder.id);
    });
  }
}
