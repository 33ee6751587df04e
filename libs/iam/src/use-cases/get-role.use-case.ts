import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { type RoleOutput, toRoleOutput } from '../domain/iam-outputs';
import { IamEntityLocator } from './iam-entity.locator';

/** GetRole. */
@Injectable()
export class GetRoleUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: IamEntityLocator,
  ) {}

  async execute(ctx: RequestContext, input: { roleName: string }): Promise<RoleOutput> {
    return this.tx.read(async (em) =>
      toRoleOutput(await this.locate.role(em, ctx.accountId, input.roleName), ctx.partition),
    );
  }
}
