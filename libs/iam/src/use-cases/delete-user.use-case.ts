import { Injectable } from '@nestjs/common';
import { AccessKeyRepository } from '@app/identity';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { DeleteConflictError } from '../domain/iam.errors';
import { InlinePolicyRepository } from '../persistence/inline-policy.repository';
import { IamUserRepository } from '../persistence/iam-user.repository';
import { PolicyAttachmentRepository } from '../persistence/policy-attachment.repository';
import { IamEntityLocator } from './iam-entity.locator';

/** DeleteUser: only once its access keys, attached and inline policies are gone (DeleteConflict). */
@Injectable()
export class DeleteUserUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: IamEntityLocator,
    private readonly users: IamUserRepository,
    private readonly keys: AccessKeyRepository,
    private readonly attachments: PolicyAttachmentRepository,
    private readonly inline: InlinePolicyRepository,
  ) {}

  async execute(ctx: RequestContext, input: { userName: string }): Promise<void> {
    await this.tx.run(async (em) => {
      const holder = await this.locate.holder(em, ctx.accountId, 'user', input.userName, { forUpdate: true });
      if ((await this.keys.listForUser(em, holder.id)).length > 0) {
        throw new DeleteConflictError('Cannot delete entity, must delete access keys first.');
      }
      if ((await this.attachments.countForHolder(em, holder)) > 0) {
        throw new DeleteConflictError('Cannot delete entity, must detach all policies first.');
      }
      if ((await this.inline.listNames(em, holder)).length > 0) {
        throw new DeleteConflictError('Cannot delete entity, must delete policies first.');
      }
      await this.users.delete(em, holder.id);
    });
  }
}
