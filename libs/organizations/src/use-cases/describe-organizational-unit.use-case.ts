import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { assertOrganizationalUnitId } from '../domain/organization-ids';
import { type OrganizationalUnit, toOrganizationalUnit } from '../domain/organization';
import { OrganizationalUnitNotFoundError } from '../domain/organization.errors';
import { OrganizationalUnitRepository } from '../persistence/organizational-unit.repository';
import { OrganizationAccessService } from './organization-access.service';

export interface DescribeOrganizationalUnitInput {
  organizationalUnitId: string;
}

@Injectable()
export class DescribeOrganizationalUnitUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly units: OrganizationalUnitRepository,
  ) {}

  async execute(ctx: RequestContext, input: DescribeOrganizationalUnitInput): Promise<OrganizationalUnit> {
    assertOrganizationalUnitId(input.organizationalUnitId);
    return this.tx.read(async (em) => {
      const org = await this.access.reader(em, ctx.accountId);
      const ou = await this.units.find(em, org.id, input.organizationalUnitId);
      if (!ou) throw new OrganizationalUnitNotFoundError(input.organizationalUnitId);
      const lineage = await this.units.lineage(em, org.id, ou.id);
      return toOrganizationalUnit(ou, org, lineage.slice(0, -1), ctx.partition);
    });
  }
}
