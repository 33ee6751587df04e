import { Injectable } from '@nestjs/common';
import { AssumeRoleUseCase, GetCallerIdentityUseCase } from '@app/iam';
import { type RequestContext } from '@app/platform';
import { AwsAction, AwsService } from '../aws-operation.decorator';
import { AssumeRoleAwsRequest } from './sts.aws-requests';

/** The second precision of STS timestamps (`2026-03-01T12:00:00Z`). */
function stsTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/**
 * AWS STS on the query protocol (`Action=AssumeRole&Version=2011-06-15`, form-encoded), answering
 * the XML the AWS SDKs and the AWS CLI parse (`<AssumeRoleResponse><AssumeRoleResult>…`).
 */
@Injectable()
@AwsService({
  service: 'sts',
  protocol: 'query',
  xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
  validationCode: 'ValidationError',
})
export class StsAwsService {
  constructor(
    private readonly assumeRole: AssumeRoleUseCase,
    private readonly callerIdentity: GetCallerIdentityUseCase,
  ) {}

  @AwsAction({ input: AssumeRoleAwsRequest, readOnly: false })
  async AssumeRole(ctx: RequestContext, r: AssumeRoleAwsRequest): Promise<object> {
    const session = await this.assumeRole.execute(ctx, {
      roleArn: r.RoleArn,
      roleSessionName: r.RoleSessionName,
      durationSeconds: r.DurationSeconds,
    });
    return {
      Credentials: {
        AccessKeyId: session.credentials.accessKeyId,
        SecretAccessKey: session.credentials.secretAccessKey,
        SessionToken: session.credentials.sessionToken,
        Expiration: stsTime(session.credentials.expiration),
      },
      AssumedRoleUser: {
        AssumedRoleId: session.assumedRoleUser.assumedRoleId,
        Arn: session.assumedRoleUser.arn,
      },
    };
  }

  @AwsAction({ readOnly: true })
  async GetCallerIdentity(ctx: RequestContext): Promise<object> {
    const identity = await this.callerIdentity.execute(ctx);
    return { UserId: identity.userId, Account: identity.account, Arn: identity.arn };
  }
}
