import { Injectable } from '@nestjs/common';
import {
  CLOUDTRAIL_SERVICE_PRINCIPAL,
  DeregisterDelegatedAdministratorUseCase,
  RegisterDelegatedAdministratorUseCase,
} from '@app/organizations';
import { DomainError, type RequestContext } from '@app/platform';
import { toCloudTrailDelegationError } from '../domain/cloudtrail-delegation-errors';

/**
 * CloudTrail's RegisterOrganizationDelegatedAdmin / DeregisterOrganizationDelegatedAdmin (§2.14,
 * §3.6): the same registry as Organizations' (Register|Deregister)DelegatedAdministrator for
 * cloudtrail.amazonaws.com, with CloudTrail's error codes. Organization trails a deregistered
 * administrator created stay: they belong to the management account.
 */
@Injectable()
export class OrganizationDelegatedAdminUseCase {
  constructor(
    private readonly register: RegisterDelegatedAdministratorUseCase,
    private readonly deregister: DeregisterDelegatedAdministratorUseCase,
  ) {}

  async execute(ctx: RequestContext, input: { accountId: string; registered: boolean }): Promise<void> {
    const request = { accountId: input.accountId, servicePrincipal: CLOUDTRAIL_SERVICE_PRINCIPAL };
    try {
      if (input.registered) await this.register.execute(ctx, request);
      else await this.deregister.execute(ctx, request);
    } catch (error) {
      throw error instanceof DomainError ? toCloudTrailDelegationError(error) : error;
    }
  }
}
