import { Injectable } from '@nestjs/common';
import { AccessKeyRepository } from '@app/identity';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { LimitExceededError } from '../domain/iam.errors';
import { IAM_QUOTAS } from '../domain/iam-limits';
import { type AccessKeyOutput } from '../domain/iam-outputs';
import { IamEntityLocator } from './iam-entity.locator';

/**
 * CreateAccessKey for an IAM user: at most two per user (LimitExceeded; the user's row lock
 * serialises concurrent creations). The secret is in this answer only: it is stored sealed.
 */
@Injectable()
export class CreateAccessKeyUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: IamEntityLocator,
    private readonly keys: AccessKeyRepository,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: { userName: string }): Promise<AccessKeyOutput> {
    return this.tx.run(async (em) => {
      const user = await this.locate.user(em, ctx.accountId, input.userName, { forUpdate: true });
      if ((await this.keys.listForUser(em, user.id)).length >= IAM_QUOTAS.accessKeysPerUser) {
        throw new LimitExceededError(
          `Cannot exceed quota for AccessKeysPerUser: ${IAM_QUOTAS.accessKeysPerUser}`,
        );
      }
      const key = await this.keys.create(em, { accountId: ctx.accountId, user }, undefined, this.clock.now());
      return {
        userName: user.name,
        accessKeyId: key.accessKeyId,
        status: 'Active',
        createDate: key.createdAt,
        secretAccessKey: key.secretAccessKey,
      };
    });
  }
}
