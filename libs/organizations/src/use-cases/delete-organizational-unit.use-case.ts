import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { assertOrganizationalUnitId } from '../domain/organization-ids';
import {
  OrganizationalUnitNotEmptyError,
  OrganizationalUnitNotFoundError,
} from '../domain/organization.errors';
import { OrganizationalUnitRepository } from '../persistence/organizational-unit.repository';
import { type DescribeOrganizationalUnitInput } from './describe-organizational-unit.use-case';
import { OrganizationAccessService } from './organization-access.service';

/**
 * Organizations DeleteOrganizationalUnit (management account only): an OU with no accounts and no
 * child OUs; its policy attachments and tags go with it. The organization lock keeps an account or
 * OU from arriving in between.
 */
@Injectable()
export class DeleteOrganizationalUnitUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly units: OrganizationalUnitRepository,
  ) {}

  async execute(ctx: RequestContext, input: DescribeOrganizationalUnitInput): Promise<void> {
    assertOrganizationalUnitId(input.organizationalUnitId);
    await this.tx.run(async (em) => {
      const org = await this.access.lockedForChange(em, ctx.accountId);
      const ou = await this.units.find(em, org.id, input.organizationalUnitId);
      if (!ou) throw new OrganizationalUnitNotFoundError(input.organizationalUnitId);
      if (await this.units.hasChildren(em, org.id, ou.id)) throw new OrganizationalUnitNotEmptyError();
      await this.units.delete(em, org.id, ou.id);
    });
  }
}
