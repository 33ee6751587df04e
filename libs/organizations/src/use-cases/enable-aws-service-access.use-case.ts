import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { ConstraintViolationError } from '../domain/organization.errors';
import { assertRecognizedServicePrincipal } from '../domain/service-principals';
import { ServiceAccessRepository } from '../persistence/service-access.repository';
import { OrganizationAccessService } from './organization-access.service';

export interface ServicePrincipalInput {
  servicePrincipal: string;
}

/** The management account gives a service trusted access to the organization (all features only; idempotent). */
@Injectable()
export class EnableAwsServiceAccessUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly serviceAccess: ServiceAccessRepository,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: ServicePrincipalInput): Promise<void> {
    assertRecognizedServicePrincipal(input.servicePrincipal);
    await this.tx.run(async (em) => {
      const org = await this.access.lockedForChange(em, ctx.accountId);
      if (org.featureSet !== 'ALL') {
        throw new ConstraintViolationError(
          'ORGANIZATION_NOT_IN_ALL_FEATURES_MODE',
          'Trusted access requires the organization to have all features enabled.',
        );
      }
      await this.serviceAccess.enable(em, org.id, input.servicePrincipal, this.clock.now());
    });
  }
}
