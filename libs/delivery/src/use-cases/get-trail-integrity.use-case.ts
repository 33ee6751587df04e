import { Injectable } from '@nestjs/common';
import {
  DigestSigningKeys,
  InvalidTimeRangeError,
  renderValidateLogsOutput,
  validateLogs,
  type ValidateLogsOutput,
  type ValidationReport,
} from '@app/integrity';
import { Clock, type RequestContext } from '@app/platform';
import { GetTrailUseCase } from '@app/trails';
import { LogDestination } from '../destinations/log-destination';

export interface GetTrailIntegrityInput {
  readonly name: string;
  readonly accountId?: string;
  readonly region?: string;
  readonly startTime: Date;
  readonly endTime?: Date;
}

export interface TrailIntegrity {
  readonly trailArn: string;
  readonly accountId: string;
  readonly region: string;
  readonly report: ValidationReport;
  /** What `aws cloudtrail validate-logs --verbose` prints for the same files, and its exit code. */
  readonly output: ValidateLogsOutput;
}

/**
 * Verifies a trail's digest chain and log files server-side, with the checks and verdicts of
 * `aws cloudtrail validate-logs` (signatures, digest and log file hashes, missing and moved files,
 * gaps), for one account (the caller's own when it is a member) and Region (the trail's home by
 * default) over [startTime, endTime] (endTime defaults to now).
 */
@Injectable()
export class GetTrailIntegrityUseCase {
  constructor(
    private readonly getTrail: GetTrailUseCase,
    private readonly destination: LogDestination,
    private readonly publicKeys: DigestSigningKeys,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: GetTrailIntegrityInput): Promise<TrailIntegrity> {
    const trail = await this.getTrail.execute(ctx, { name: input.name });
    const endTime = input.endTime ?? this.clock.now();
    if (input.startTime > endTime) throw new InvalidTimeRangeError();
    const accountId =
      trail.ownerAccountId === ctx.accountId ? (input.accountId ?? ctx.accountId) : ctx.accountId;
    const region = input.region ?? trail.homeRegion;
    const report = await validateLogs(
      {
        scope: {
          accountId,
          region,
          bucket: trail.settings.s3BucketName,
          keyPrefix: trail.settings.s3KeyPrefix ?? null,
          organizationId: trail.settings.isOrganizationTrail ? trail.organizationId : null,
          trailName: trail.name,
          homeRegion: trail.homeRegion,
        },
        startTime: input.startTime,
        endTime,
      },
      { objects: this.destination.objects, publicKeys: this.publicKeys },
    );
    return {
      trailArn: trail.arn,
      accountId,
      region,
      report,
      output: renderValidateLogsOutput(report, { trailArn: trail.arn, verbose: true }),
    };
  }
}
