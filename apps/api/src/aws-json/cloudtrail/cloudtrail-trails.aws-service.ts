import { Injectable } from '@nestjs/common';
import { type RequestContext } from '@app/platform';
import {
  type AdvancedEventSelector,
  ChangeTrailTagsUseCase,
  CreateTrailUseCase,
  DeleteTrailUseCase,
  DescribeTrailsUseCase,
  type EventSelectorInput,
  GetInsightSelectorsUseCase,
  GetTrailUseCase,
  type InsightSelectorInput,
  ListTrailTagsUseCase,
  ListTrailsUseCase,
  PutEventSelectorsUseCase,
  PutInsightSelectorsUseCase,
  SetTrailLoggingUseCase,
  UpdateTrailUseCase,
  type UpdateTrailInput,
} from '@app/trails';
import { camelKeys, pascalKeys } from '../../http/key-case';
import { AwsAction, AwsService } from '../aws-operation.decorator';
import {
  PutEventSelectorsAwsRequest,
  PutInsightSelectorsAwsRequest,
  TrailNameSelectorAwsRequest,
} from './selectors.aws-requests';
import {
  CreateTrailAwsRequest,
  DescribeTrailsAwsRequest,
  ListTagsAwsRequest,
  ListTrailsAwsRequest,
  RemoveTagsAwsRequest,
  type TagAwsShape,
  TagsAwsRequest,
  TrailNameAwsRequest,
  UpdateTrailAwsRequest,
} from './trail.aws-requests';
import {
  toAwsEventSelectors,
  toAwsInsightSelectors,
  toAwsTrail,
  toAwsTrailStatus,
  toAwsTrailSummary,
} from './trail.aws-responses';

const tags = (list: readonly TagAwsShape[] | undefined): Array<{ key: string; value?: string }> =>
  (list ?? []).map((tag) => ({ key: tag.Key, value: tag.Value }));

/** The optional settings CreateTrail and UpdateTrail share, in the use cases' terms. */
function settingsOf(
  r: CreateTrailAwsRequest | UpdateTrailAwsRequest,
): Omit<UpdateTrailInput, 'name' | 's3BucketName'> {
  return {
    s3KeyPrefix: r.S3KeyPrefix,
    snsTopicName: r.SnsTopicName,
    includeGlobalServiceEvents: r.IncludeGlobalServiceEvents,
    isMultiRegionTrail: r.IsMultiRegionTrail,
    enableLogFileValidation: r.EnableLogFileValidation,
    cloudWatchLogsLogGroupArn: r.CloudWatchLogsLogGroupArn,
    cloudWatchLogsRoleArn: r.CloudWatchLogsRoleArn,
    kmsKeyId: r.KmsKeyId,
    isOrganizationTrail: r.IsOrganizationTrail,
  };
}

/** CloudTrail's trail operations on the AWS JSON 1.1 protocol (`CloudTrail_20131101.<Op>`). */
@Injectable()
@AwsService({
  service: 'cloudtrail',
  protocol: 'json',
  targetPrefixes: ['CloudTrail_20131101', 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101'],
  validationCode: 'InvalidParameterException',
})
export class CloudTrailTrailsAwsService {
  constructor(
    private readonly createTrail: CreateTrailUseCase,
    private readonly updateTrail: UpdateTrailUseCase,
    private readonly deleteTrail: DeleteTrailUseCase,
    private readonly getTrail: GetTrailUseCase,
    private readonly describeTrails: DescribeTrailsUseCase,
    private readonly listTrails: ListTrailsUseCase,
    private readonly setLogging: SetTrailLoggingUseCase,
    private readonly putEventSelectors: PutEventSelectorsUseCase,
    private readonly putInsightSelectors: PutInsightSelectorsUseCase,
    private readonly getInsightSelectors: GetInsightSelectorsUseCase,
    private readonly changeTags: ChangeTrailTagsUseCase,
    private readonly listTags: ListTrailTagsUseCase,
  ) {}

  @AwsAction({ input: CreateTrailAwsRequest, readOnly: false })
  async CreateTrail(ctx: RequestContext, r: CreateTrailAwsRequest): Promise<object> {
    const trail = await this.createTrail.execute(ctx, {
      ...settingsOf(r),
      name: r.Name,
      s3BucketName: r.S3BucketName,
      tagsList: tags(r.TagsList),
    });
    return toAwsTrailSummary(trail);
  }

  @AwsAction({ input: UpdateTrailAwsRequest, readOnly: false })
  async UpdateTrail(ctx: RequestContext, r: UpdateTrailAwsRequest): Promise<object> {
    const trail = await this.updateTrail.execute(ctx, {
      ...settingsOf(r),
      name: r.Name,
      s3BucketName: r.S3BucketName,
    });
    return toAwsTrailSummary(trail);
  }

  @AwsAction({ input: TrailNameAwsRequest, readOnly: false })
  async DeleteTrail(ctx: RequestContext, r: TrailNameAwsRequest): Promise<object> {
    await this.deleteTrail.execute(ctx, { name: r.Name });
    return {};
  }

  @AwsAction({ input: TrailNameAwsRequest, readOnly: true })
  async GetTrail(ctx: RequestContext, r: TrailNameAwsRequest): Promise<object> {
    return { Trail: toAwsTrail(await this.getTrail.execute(ctx, { name: r.Name })) };
  }

  @AwsAction({ input: DescribeTrailsAwsRequest, readOnly: true })
  async DescribeTrails(ctx: RequestContext, r: DescribeTrailsAwsRequest): Promise<object> {
    const trails = await this.describeTrails.execute(ctx, {
      trailNameList: r.trailNameList,
      includeShadowTrails: r.includeShadowTrails,
    });
    return { trailList: trails.map(toAwsTrail) };
  }

  @AwsAction({ input: ListTrailsAwsRequest, readOnly: true })
  async ListTrails(ctx: RequestContext, r: ListTrailsAwsRequest): Promise<object> {
    const page = await this.listTrails.execute(ctx, { nextToken: r.NextToken });
    return {
      Trails: page.trails.map((t) => ({ TrailARN: t.arn, Name: t.name, HomeRegion: t.homeRegion })),
      NextToken: page.nextToken,
    };
  }

  @AwsAction({ input: TrailNameAwsRequest, readOnly: false })
  async StartLogging(ctx: RequestContext, r: TrailNameAwsRequest): Promise<object> {
    await this.setLogging.execute(ctx, { name: r.Name, logging: true });
    return {};
  }

  @AwsAction({ input: TrailNameAwsRequest, readOnly: false })
  async StopLogging(ctx: RequestContext, r: TrailNameAwsRequest): Promise<object> {
    await this.setLogging.execute(ctx, { name: r.Name, logging: false });
    return {};
  }

  @AwsAction({ input: TrailNameAwsRequest, readOnly: true })
  async GetTrailStatus(ctx: RequestContext, r: TrailNameAwsRequest): Promise<object> {
    return toAwsTrailStatus(await this.getTrail.execute(ctx, { name: r.Name }));
  }

  @AwsAction({ input: PutEventSelectorsAwsRequest, readOnly: false })
  async PutEventSelectors(ctx: RequestContext, r: PutEventSelectorsAwsRequest): Promise<object> {
    const trail = await this.putEventSelectors.execute(ctx, {
      trailName: r.TrailName,
      eventSelectors: r.EventSelectors && camelKeys<EventSelectorInput[]>(r.EventSelectors),
      advancedEventSelectors:
        r.AdvancedEventSelectors && camelKeys<AdvancedEventSelector[]>(r.AdvancedEventSelectors),
    });
    return toAwsEventSelectors(trail);
  }

  @AwsAction({ input: TrailNameSelectorAwsRequest, readOnly: true })
  async GetEventSelectors(ctx: RequestContext, r: TrailNameSelectorAwsRequest): Promise<object> {
    return toAwsEventSelectors(await this.getTrail.execute(ctx, { name: r.TrailName }));
  }

  @AwsAction({ input: PutInsightSelectorsAwsRequest, readOnly: false })
  async PutInsightSelectors(ctx: RequestContext, r: PutInsightSelectorsAwsRequest): Promise<object> {
    const trail = await this.putInsightSelectors.execute(ctx, {
      trailName: r.TrailName,
      insightSelectors: camelKeys<InsightSelectorInput[]>(r.InsightSelectors),
    });
    return toAwsInsightSelectors(trail);
  }

  @AwsAction({ input: TrailNameSelectorAwsRequest, readOnly: true })
  async GetInsightSelectors(ctx: RequestContext, r: TrailNameSelectorAwsRequest): Promise<object> {
    return toAwsInsightSelectors(await this.getInsightSelectors.execute(ctx, { trailName: r.TrailName }));
  }

  @AwsAction({ input: TagsAwsRequest, readOnly: false })
  async AddTags(ctx: RequestContext, r: TagsAwsRequest): Promise<object> {
    await this.changeTags.execute(ctx, { resourceId: r.ResourceId, tagsList: tags(r.TagsList), mode: 'add' });
    return {};
  }

  @AwsAction({ input: RemoveTagsAwsRequest, readOnly: false })
  async RemoveTags(ctx: RequestContext, r: RemoveTagsAwsRequest): Promise<object> {
    await this.changeTags.execute(ctx, {
      resourceId: r.ResourceId,
      tagsList: tags(r.TagsList),
      mode: 'remove',
    });
    return {};
  }

  @AwsAction({ input: ListTagsAwsRequest, readOnly: true })
  async ListTags(ctx: RequestContext, r: ListTagsAwsRequest): Promise<object> {
    const resources = await this.listTags.execute(ctx, { resourceIdList: r.ResourceIdList });
    return {
      ResourceTagList: resources.map((resource) => ({
        ResourceId: resource.resourceId,
        TagsList: pascalKeys(resource.tagsList),
      })),
    };
  }
}
