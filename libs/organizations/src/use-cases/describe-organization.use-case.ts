import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { type Organization, toOrganization } from '../domain/organization';
import { OrganizationAccessService } from './organization-access.service';

/** Any member describes its organization. */
@Injectable()
export class DescribeOrganizationUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
  ) {}

  async execute(ctx: RequestContext): Promise<Organization> {
    return this.tx.read(async (em) =>
      toOrganization(await this.access.member(em, ctx.accountId), ctx.partition),
    );
  }
}
