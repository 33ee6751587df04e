import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { assertRecognizedServicePrincipal } from '../domain/service-principals';
import { ServiceAccessRepository } from '../persistence/service-access.repository';
import { OrganizationAccessService } from './organization-access.service';
import { type ServicePrincipalInput } from './enable-aws-service-access.use-case';

/**
 * The management account withdraws a service's trusted access (idempotent). Registered delegated
 * administrators stay registered, as in AWS; the service simply may no longer act.
 */
@Injectable()
export class DisableAwsServiceAccessUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly serviceAccess: ServiceAccessRepository,
  ) {}

  async execute(ctx: RequestContext, input: ServicePrincipalInput): Promise<void> {
    assertRecognizedServicePrincipal(input.servicePrincipal);
    await this.tx.run(async (em) => {
      const org = await this.access.lockedForChange(em, ctx.accountId);
      await this.serviceAccess.disable(em, org.id, input.servicePrincipal);
    });
  }
}
