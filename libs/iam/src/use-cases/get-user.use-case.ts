import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { toUserOutput, type UserOutput } from '../domain/iam-outputs';
import { IamEntityLocator } from './iam-entity.locator';

/** GetUser. */
@Injectable()
export class GetUserUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: IamEntityLocator,
  ) {}

  async execute(ctx: RequestContext, input: { userName: string }): Promise<UserOutput> {
    return this.tx.read(async (em) =>
      toUserOutput(await this.locate.user(em, ctx.accountId, input.userName), ctx.partition),
    );
  }
}
