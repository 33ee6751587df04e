import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { assertOrganizationalUnitId } from '../domain/organization-ids';
import { type OrganizationalUnit, toOrganizationalUnit } from '../domain/organization';
import {
  DuplicateOrganizationalUnitError,
  OrganizationalUnitNotFoundError,
} from '../domain/organization.errors';
import { validateOrganizationalUnitName } from '../domain/organizational-unit-rules';
import { OrganizationalUnitRepository } from '../persistence/organizational-unit.repository';
import { OrganizationAccessService } from './organization-access.service';

export interface UpdateOrganizationalUnitInput {
  organizationalUnitId: string;
  /** The new name; absent leaves the OU as it is. */
  name?: string;
}

/**
 * Organizations UpdateOrganizationalUnit (management account only): renames the OU. Its id, ARN,
 * children and policies stay; another OU of the same parent may not have the name.
 */
@Injectable()
export class UpdateOrganizationalUnitUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly units: OrganizationalUnitRepository,
  ) {}

  async execute(ctx: RequestContext, input: UpdateOrganizationalUnitInput): Promise<OrganizationalUnit> {
    assertOrganizationalUnitId(input.organizationalUnitId);
    if (input.name !== undefined) validateOrganizationalUnitName(input.name);
    return this.tx.run(async (em) => {
      const org = await this.access.lockedForChange(em, ctx.accountId);
      const ou = await this.units.find(em, org.id, input.organizationalUnitId);
      if (!ou) throw new OrganizationalUnitNotFoundError(input.organizationalUnitId);
      if (input.name !== undefined && !(await this.units.rename(em, org.id, ou.id, input.name))) {
        throw new DuplicateOrganizationalUnitError(input.name);
      }
      const lineage = await this.units.lineage(em, org.id, ou.id);
      return toOrganizationalUnit(
        { ...ou, name: input.name ?? ou.name },
        org,
        lineage.slice(0, -1),
        ctx.partition,
      );
    });
  }
}
