import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { type EnabledServicePrincipal, type Page, type PageInput } from '../domain/organization';
import { ServiceAccessRepository } from '../persistence/service-access.repository';
import { OrganizationAccessService } from './organization-access.service';
import { OrganizationsPager } from './organizations.pager';

/** The service principals with trusted access, by name (management account or delegated admin). */
@Injectable()
export class ListAwsServiceAccessForOrganizationUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly serviceAccess: ServiceAccessRepository,
    private readonly pager: OrganizationsPager,
  ) {}

  async execute(ctx: RequestContext, input: PageInput): Promise<Page<EnabledServicePrincipal>> {
    return this.tx.read(async (em) => {
      const org = await this.access.reader(em, ctx.accountId);
      const scope = `ListAWSServiceAccessForOrganization/${org.id}/${ctx.accountId}`;
      const cursor = this.pager.start(scope, input);
      const rows = await this.serviceAccess.list(em, org.id, {
        ...(cursor.after === undefined ? {} : { afterServicePrincipal: cursor.after }),
        limit: cursor.limit + 1,
      });
      return this.pager.page(scope, rows, cursor, (row) => row.servicePrincipal);
    });
  }
}
