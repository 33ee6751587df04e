import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { type Page, type PageInput } from '../domain/organization';
import { type Child, parseChildType } from '../domain/organization-children';
import { assertParentId } from '../domain/organization-ids';
import { ParentNotFoundError } from '../domain/organization.errors';
import { OrganizationAccountRepository } from '../persistence/organization-account.repository';
import { OrganizationalUnitRepository } from '../persistence/organizational-unit.repository';
import { OrganizationAccessService } from './organization-access.service';
import { OrganizationsPager } from './organizations.pager';

export interface ListChildrenInput extends PageInput {
  /** The root (`r-…`) or an OU (`ou-…-…`). */
  parentId: string;
  /** `ACCOUNT` or `ORGANIZATIONAL_UNIT`. */
  childType: string;
}

/**
 * Organizations ListChildren (management account or a delegated administrator): the accounts, or
 * the OUs, directly under a root or OU, by id; with ListParents it walks the tree.
 */
@Injectable()
export class ListChildrenUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly units: OrganizationalUnitRepository,
    private readonly members: OrganizationAccountRepository,
    private readonly pager: OrganizationsPager,
  ) {}

  async execute(ctx: RequestContext, input: ListChildrenInput): Promise<Page<Child>> {
    assertParentId(input.parentId);
    const type = parseChildType(input.childType);
    return this.tx.read(async (em) => {
      const org = await this.access.reader(em, ctx.accountId);
      if (!(await this.units.parentExists(em, org, input.parentId))) {
        throw new ParentNotFoundError(input.parentId);
      }
      const scope = `ListChildren/${org.id}/${ctx.accountId}/${input.parentId}/${type}`;
      const cursor = this.pager.start(scope, input);
      const ids =
        type === 'ACCOUNT'
          ? (
              await this.members.list(em, org.id, {
                parentId: input.parentId,
                afterAccountId: cursor.after,
                limit: cursor.limit + 1,
              })
            ).map((member) => member.accountId)
          : (
              await this.units.listForParent(em, org.id, input.parentId, {
                afterId: cursor.after,
                limit: cursor.limit + 1,
              })
            ).map((ou) => ou.id);
      return this.pager.page(
        scope,
        ids.map((id): Child => ({ id, type })),
        cursor,
        (child) => child.id,
      );
    });
  }
}
