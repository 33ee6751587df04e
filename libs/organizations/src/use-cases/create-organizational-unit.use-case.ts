import { Injectable } from '@nestjs/common';
import { Clock, randomLowerAlnum, type RequestContext, TransactionRunner } from '@app/platform';
import { assertParentId, newOrganizationalUnitId } from '../domain/organization-ids';
import {
  type OrganizationalUnit,
  type OrganizationalUnitRecord,
  toOrganizationalUnit,
} from '../domain/organization';
import { DuplicateOrganizationalUnitError, ParentNotFoundError } from '../domain/organization.errors';
import { parseTags, type Tag } from '../domain/organization-tags';
import {
  assertRoomForOrganizationalUnit,
  childDepth,
  validateOrganizationalUnitName,
} from '../domain/organizational-unit-rules';
import { OrganizationTagRepository } from '../persistence/organization-tag.repository';
import { OrganizationalUnitRepository } from '../persistence/organizational-unit.repository';
import { OrganizationAccessService } from './organization-access.service';

export interface CreateOrganizationalUnitInput {
  /** The root (`r-…`) or an OU (`ou-…-…`). */
  parentId: string;
  name: string;
  tags?: Tag[];
}

/**
 * The management account adds an OU, with its tags, under the root or another OU (five levels,
 * 1,000 OUs at most).
 */
@Injectable()
export class CreateOrganizationalUnitUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly units: OrganizationalUnitRepository,
    private readonly tags: OrganizationTagRepository,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: CreateOrganizationalUnitInput): Promise<OrganizationalUnit> {
    assertParentId(input.parentId);
    validateOrganizationalUnitName(input.name);
    const tags = parseTags(input.tags);
    return this.tx.run(async (em) => {
      const org = await this.access.lockedForChange(em, ctx.accountId);
      const ancestors =
        input.parentId === org.rootId ? [] : await this.units.lineage(em, org.id, input.parentId);
      if (input.parentId !== org.rootId && ancestors.length === 0)
        throw new ParentNotFoundError(input.parentId);
      const depth = childDepth(ancestors.length);
      assertRoomForOrganizationalUnit(await this.units.count(em, org.id));
      const ou: OrganizationalUnitRecord = {
        id: newOrganizationalUnitId(org.rootId, randomLowerAlnum),
        organizationId: org.id,
        parentId: input.parentId,
        name: input.name,
        depth,
        createdAt: this.clock.now(),
      };
      if (!(await this.units.insert(em, ou))) throw new DuplicateOrganizationalUnitError(input.name);
      await this.tags.put(em, org.id, { id: ou.id, type: 'ORGANIZATIONAL_UNIT' }, tags);
      return toOrganizationalUnit(ou, org, ancestors, ctx.partition);
    });
  }
}
