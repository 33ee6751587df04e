import { Injectable } from '@nestjs/common';
import { type RequestContext } from '@app/platform';

export interface CallerIdentityOutput {
  readonly userId: string;
  readonly account: string;
  readonly arn: string;
}

/** STS GetCallerIdentity: who signed the request (needs no permission, as in AWS). */
@Injectable()
export class GetCallerIdentityUseCase {
  async execute(ctx: RequestContext): Promise<CallerIdentityOutput> {
    return { userId: ctx.principal.principalId, account: ctx.accountId, arn: ctx.principal.arn };
  }
}
