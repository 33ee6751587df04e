import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { assertCanDeregisterDelegatedAdministrator } from '../domain/delegated-administrator-rules';
import { assertAccountId } from '../domain/organization-ids';
import { DelegatedAdministratorRepository } from '../persistence/delegated-administrator.repository';
import { OrganizationAccountRepository } from '../persistence/organization-account.repository';
import { OrganizationAccessService } from './organization-access.service';
import { type DelegatedAdministratorInput } from './register-delegated-administrator.use-case';

/** The management account ends a member's delegated administration of a service. */
@Injectable()
export class DeregisterDelegatedAdministratorUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly members: OrganizationAccountRepository,
    private readonly delegated: DelegatedAdministratorRepository,
  ) {}

  async execute(ctx: RequestContext, input: DelegatedAdministratorInput): Promise<void> {
    assertAccountId(input.accountId);
    await this.tx.run(async (em) => {
      const org = await this.access.lockedForChange(em, ctx.accountId);
      assertCanDeregisterDelegatedAdministrator({
        servicePrincipal: input.servicePrincipal,
        accountId: input.accountId,
        isMember: (await this.members.findMember(em, org.id, input.accountId)) !== undefined,
        registered: (await this.delegated.accountIds(em, org.id, input.servicePrincipal)).includes(
          input.accountId,
        ),
      });
      await this.delegated.deregister(em, org.id, input.accountId, input.servicePrincipal);
    });
  }
}
