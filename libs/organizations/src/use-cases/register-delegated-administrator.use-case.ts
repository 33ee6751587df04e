import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { assertCanRegisterDelegatedAdministrator } from '../domain/delegated-administrator-rules';
import { assertAccountId } from '../domain/organization-ids';
import { AccountAlreadyRegisteredError } from '../domain/organization.errors';
import { DelegatedAdministratorRepository } from '../persistence/delegated-administrator.repository';
import { OrganizationAccountRepository } from '../persistence/organization-account.repository';
import { ServiceAccessRepository } from '../persistence/service-access.repository';
import { OrganizationAccessService } from './organization-access.service';

export interface DelegatedAdministratorInput {
  accountId: string;
  servicePrincipal: string;
}

/**
 * The management account makes a member a delegated administrator of a service. The facts are
 * read under the organization's lock, so the service's maximum holds against concurrent calls.
 */
@Injectable()
export class RegisterDelegatedAdministratorUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly members: OrganizationAccountRepository,
    private readonly serviceAccess: ServiceAccessRepository,
    private readonly delegated: DelegatedAdministratorRepository,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: DelegatedAdministratorInput): Promise<void> {
    assertAccountId(input.accountId);
    await this.tx.run(async (em) => {
      const org = await this.access.lockedForChange(em, ctx.accountId);
      const admins = await this.delegated.accountIds(em, org.id, input.servicePrincipal);
      assertCanRegisterDelegatedAdministrator({
        servicePrincipal: input.servicePrincipal,
        accountId: input.accountId,
        managementAccountId: org.managementAccountId,
        featureSet: org.featureSet,
        memberStatus: (await this.members.findMember(em, org.id, input.accountId))?.status,
        serviceAccessEnabled: await this.serviceAccess.isEnabled(em, org.id, input.servicePrincipal),
        alreadyRegistered: admins.includes(input.accountId),
        registeredCount: admins.length,
      });
      const registration = {
        organizationId: org.id,
        accountId: input.accountId,
        servicePrincipal: input.servicePrincipal,
      };
      if (!(await this.delegated.register(em, registration, this.clock.now()))) {
        throw new AccountAlreadyRegisteredError(input.accountId, input.servicePrincipal);
      }
    });
  }
}
