import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { assertUserName, normalizePath, normalizeTags } from '../domain/iam-names';
import { toUserOutput, type UserOutput } from '../domain/iam-outputs';
import { IamUserRepository } from '../persistence/iam-user.repository';

export interface CreateUserInput {
  userName: string;
  path?: string;
  tags?: { key: string; value?: string }[];
}

/** CreateUser: a new IAM user in the caller's account (names unique ignoring case). */
@Injectable()
export class CreateUserUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly users: IamUserRepository,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: CreateUserInput): Promise<UserOutput> {
    assertUserName(input.userName);
    const user = {
      accountId: ctx.accountId,
      name: input.userName,
      path: normalizePath(input.path),
      tags: normalizeTags(input.tags),
    };
    return this.tx.run(async (em) =>
      toUserOutput(await this.users.insert(em, user, this.clock.now()), ctx.partition),
    );
  }
}
