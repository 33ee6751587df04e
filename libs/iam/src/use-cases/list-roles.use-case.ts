import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { normalizePath } from '../domain/iam-names';
import { type IamPage, type RoleOutput, toRoleOutput } from '../domain/iam-outputs';
import { IamRoleRepository } from '../persistence/iam-role.repository';
import { type IamPageInput, IamPager } from './iam.pager';

export interface ListRolesInput extends IamPageInput {
  pathPrefix?: string;
}

/** ListRoles: the caller's roles by name, optionally under a path prefix. */
@Injectable()
export class ListRolesUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly roles: IamRoleRepository,
    private readonly pager: IamPager,
  ) {}

  async execute(ctx: RequestContext, input: ListRolesInput): Promise<IamPage<RoleOutput>> {
    const pathPrefix = input.pathPrefix ?? '/';
    normalizePath(pathPrefix.endsWith('/') ? pathPrefix : `${pathPrefix}/`);
    const scope = `ListRoles/${ctx.accountId}/${pathPrefix}`;
    const cursor = this.pager.start(scope, input);
    const roles = await this.tx.read((em) =>
      this.roles.list(em, ctx.accountId, { pathPrefix, afterName: cursor.after, limit: cursor.limit + 1 }),
    );
    return this.pager.page(
      scope,
      roles,
      cursor,
      (role) => role.name.toLowerCase(),
      (role) => toRoleOutput(role, ctx.partition),
    );
  }
}
