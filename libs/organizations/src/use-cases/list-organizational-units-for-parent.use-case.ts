import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { assertParentId } from '../domain/organization-ids';
import {
  type OrganizationalUnit,
  type Page,
  type PageInput,
  toOrganizationalUnit,
} from '../domain/organization';
import { ParentNotFoundError } from '../domain/organization.errors';
import { OrganizationalUnitRepository } from '../persistence/organizational-unit.repository';
import { OrganizationAccessService } from './organization-access.service';
import { OrganizationsPager } from './organizations.pager';

export interface ListOrganizationalUnitsForParentInput extends PageInput {
  parentId: string;
}

/** The OUs directly under a root or OU. */
@Injectable()
export class ListOrganizationalUnitsForParentUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly units: OrganizationalUnitRepository,
    private readonly pager: OrganizationsPager,
  ) {}

  async execute(
    ctx: RequestContext,
    input: ListOrganizationalUnitsForParentInput,
  ): Promise<Page<OrganizationalUnit>> {
    assertParentId(input.parentId);
    return this.tx.read(async (em) => {
      const org = await this.access.reader(em, ctx.accountId);
      const ancestors =
        input.parentId === org.rootId ? [] : await this.units.lineage(em, org.id, input.parentId);
      if (input.parentId !== org.rootId && ancestors.length === 0)
        throw new ParentNotFoundError(input.parentId);
      const scope = `ListOrganizationalUnitsForParent/${org.id}/${ctx.accountId}/${input.parentId}`;
      const cursor = this.pager.start(scope, input);
      const rows = await this.units.listForParent(em, org.id, input.parentId, {
        ...(cursor.after === undefined ? {} : { afterId: cursor.after }),
        limit: cursor.limit + 1,
      });
      const items = rows.map((ou) => toOrganizationalUnit(ou, org, ancestors, ctx.partition));
      return this.pager.page(scope, items, cursor, (ou) => ou.id);
    });
  }
}
