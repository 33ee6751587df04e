import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { normalizePath } from '../domain/iam-names';
import { type IamPage, toUserOutput, type UserOutput } from '../domain/iam-outputs';
import { IamUserRepository } from '../persistence/iam-user.repository';
import { type IamPageInput, IamPager } from './iam.pager';

export interface ListUsersInput extends IamPageInput {
  pathPrefix?: string;
}

/** ListUsers: the caller's users by name, optionally under a path prefix. */
@Injectable()
export class ListUsersUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly users: IamUserRepository,
    private readonly pager: IamPager,
  ) {}

  async execute(ctx: RequestContext, input: ListUsersInput): Promise<IamPage<UserOutput>> {
    const pathPrefix = input.pathPrefix ?? '/';
    normalizePath(pathPrefix.endsWith('/') ? pathPrefix : `${pathPrefix}/`);
    const scope = `ListUsers/${ctx.accountId}/${pathPrefix}`;
    const cursor = this.pager.start(scope, input);
    const users = await this.tx.read((em) =>
      this.users.list(em, ctx.accountId, { pathPrefix, afterName: cursor.after, limit: cursor.limit + 1 }),
    );
    return this.pager.page(
      scope,
      users,
      cursor,
      (user) => user.name.toLowerCase(),
      (user) => toUserOutput(user, ctx.partition),
    );
  }
}
