import { Injectable } from '@nestjs/common';
import { type RequestContext } from '@app/platform';
import { OrganizationDelegatedAdminUseCase } from '@app/trails';
import { IsString, Length, Matches } from 'class-validator';
import { AwsAction, AwsService } from '../aws-operation.decorator';

export class RegisterOrganizationDelegatedAdminAwsRequest {
  @IsString() @Length(12, 16) @Matches(/^\d+$/) MemberAccountId!: string;
}

export class DeregisterOrganizationDelegatedAdminAwsRequest {
  @IsString() @Length(12, 16) @Matches(/^\d+$/) DelegatedAdminAccountId!: string;
}

/** CloudTrail's delegated-administrator operations (§2.14) on the AWS JSON 1.1 protocol. */
@Injectable()
@AwsService({
  service: 'cloudtrail',
  protocol: 'json',
  targetPrefixes: ['CloudTrail_20131101', 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101'],
  validationCode: 'InvalidParameterException',
})
export class CloudTrailOrganizationAwsService {
  constructor(private readonly delegatedAdmin: OrganizationDelegatedAdminUseCase) {}

  @AwsAction({ input: RegisterOrganizationDelegatedAdminAwsRequest, readOnly: false })
  async RegisterOrganizationDelegatedAdmin(
    ctx: RequestContext,
    r: RegisterOrganizationDelegatedAdminAwsRequest,
  ): Promise<object> {
    await this.delegatedAdmin.execute(ctx, { accountId: r.MemberAccountId, registered: true });
    return {};
  }

  @AwsAction({ input: DeregisterOrganizationDelegatedAdminAwsRequest, readOnly: false })
  async DeregisterOrganizationDelegatedAdmin(
    ctx: RequestContext,
    r: DeregisterOrganizationDelegatedAdminAwsRequest,
  ): Promise<object> {
    await this.delegatedAdmin.execute(ctx, { accountId: r.DelegatedAdminAccountId, registered: false });
    return {};
  }
}
