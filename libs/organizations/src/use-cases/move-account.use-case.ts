import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { assertCanMove } from '../domain/membership-rules';
import { assertAccountId, assertParentId } from '../domain/organization-ids';
import { AccountNotFoundError } from '../domain/organization.errors';
import { OrganizationAccountRepository } from '../persistence/organization-account.repository';
import { OrganizationalUnitRepository } from '../persistence/organizational-unit.repository';
import { OrganizationAccessService } from './organization-access.service';

export interface MoveAccountInput {
  accountId: string;
  sourceParentId: string;
  destinationParentId: string;
}

/** The management account moves a member between the root and OUs. */
@Injectable()
export class MoveAccountUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly members: OrganizationAccountRepository,
    private readonly units: OrganizationalUnitRepository,
  ) {}

  async execute(ctx: RequestContext, input: MoveAccountInput): Promise<void> {
    assertAccountId(input.accountId);
    assertParentId(input.sourceParentId, 'SourceParentId');
    assertParentId(input.destinationParentId, 'DestinationParentId');
    await this.tx.run(async (em) => {
      const org = await this.access.lockedForChange(em, ctx.accountId);
      const member = await this.members.findMember(em, org.id, input.accountId);
      if (!member) throw new AccountNotFoundError();
      assertCanMove({
        accountId: input.accountId,
        currentParentId: member.parentId,
        sourceParentId: input.sourceParentId,
        destinationParentId: input.destinationParentId,
        sourceExists: await this.units.parentExists(em, org, input.sourceParentId),
        destinationExists: await this.units.parentExists(em, org, input.destinationParentId),
      });
      await this.members.move(em, input.accountId, input.destinationParentId);
    });
  }
}
