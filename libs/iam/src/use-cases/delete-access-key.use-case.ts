import { Injectable } from '@nestjs/common';
import { AccessKeyRepository } from '@app/identity';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { NoSuchEntityError } from '../domain/iam.errors';
import { IamEntityLocator } from './iam-entity.locator';

/** DeleteAccessKey: the key stops authenticating at once. */
@Injectable()
export class DeleteAccessKeyUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: IamEntityLocator,
    private readonly keys: AccessKeyRepository,
  ) {}

  async execute(ctx: RequestContext, input: { userName: string; accessKeyId: string }): Promise<void> {
    await this.tx.run(async (em) => {
      const user = await this.locate.user(em, ctx.accountId, input.userName, { forUpdate: true });
      if (!(await this.keys.deleteForUser(em, user.id, input.accessKeyId))) {
        throw new NoSuchEntityError(`The Access Key with id ${input.accessKeyId} cannot be found.`);
      }
    });
  }
}
