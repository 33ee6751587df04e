import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { type CreateAccountStatus, toCreateAccountStatus } from '../domain/create-account';
import { assertCreateAccountRequestId } from '../domain/organization-ids';
import { CreateAccountStatusNotFoundError } from '../domain/organization.errors';
import { CreateAccountRequestRepository } from '../persistence/create-account-request.repository';
import { OrganizationAccessService } from './organization-access.service';

export interface DescribeCreateAccountStatusInput {
  createAccountRequestId: string;
}

/** The state of one of the organization's CreateAccount requests (management account or delegated admin). */
@Injectable()
export class DescribeCreateAccountStatusUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly requests: CreateAccountRequestRepository,
  ) {}

  async execute(ctx: RequestContext, input: DescribeCreateAccountStatusInput): Promise<CreateAccountStatus> {
    assertCreateAccountRequestId(input.createAccountRequestId);
    return this.tx.read(async (em) => {
      const org = await this.access.reader(em, ctx.accountId);
      const request = await this.requests.find(em, input.createAccountRequestId);
      if (request?.organizationId !== org.id)
        throw new CreateAccountStatusNotFoundError(input.createAccountRequestId);
      return toCreateAccountStatus(request);
    });
  }
}
