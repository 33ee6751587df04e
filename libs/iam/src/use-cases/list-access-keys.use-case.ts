import { Injectable } from '@nestjs/common';
import { AccessKeyRepository } from '@app/identity';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { type AccessKeyOutput } from '../domain/iam-outputs';
import { IamEntityLocator } from './iam-entity.locator';

/** ListAccessKeys: ids, status and dates; never a secret. */
@Injectable()
export class ListAccessKeysUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: IamEntityLocator,
    private readonly keys: AccessKeyRepository,
  ) {}

  async execute(ctx: RequestContext, input: { userName: string }): Promise<AccessKeyOutput[]> {
    return this.tx.read(async (em) => {
      const user = await this.locate.user(em, ctx.accountId, input.userName);
      return (await this.keys.listForUser(em, user.id)).map((key) => ({
        userName: user.name,
        accessKeyId: key.accessKeyId,
        status: key.status,
        createDate: key.createdAt,
      }));
    });
  }
}
