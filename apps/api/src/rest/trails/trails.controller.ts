import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { type RequestContext } from '@app/platform';
import {
  ChangeTrailTagsUseCase,
  CreateTrailUseCase,
  DeleteTrailUseCase,
  DescribeTrailsUseCase,
  GetInsightSelectorsUseCase,
  GetTrailPropagationUseCase,
  GetTrailUseCase,
  ListTrailTagsUseCase,
  ListTrailsUseCase,
  PutEventSelectorsUseCase,
  PutInsightSelectorsUseCase,
  type ResourceTags,
  SetTrailLoggingUseCase,
  type TrailPropagationStatus,
  UpdateTrailUseCase,
} from '@app/trails';
import { Operation } from '../../http/operation';
import { Ctx } from '../../http/request-context.decorator';
import {
  CreateTrailRequest,
  DescribeTrailsQuery,
  NextTokenQuery,
  PutEventSelectorsRequest,
  PutInsightSelectorsRequest,
  RemoveTagsQuery,
  TagsRequest,
  UpdateTrailRequest,
} from './trail.requests';
import {
  toEventSelectorsResponse,
  toInsightSelectorsResponse,
  toTrailResponse,
  toTrailStatusResponse,
  type TrailResponse,
} from './trail.responses';

const TRAIL_PARAM = { name: 'trail', description: 'Trail name, or URL-encoded trail ARN' };

/** The CloudTrail trail API over REST; the SigV4 scope's Region is the Region acted in. */
@ApiTags('trails')
@Controller('v1')
export class TrailsController {
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
    private readonly getPropagation: GetTrailPropagationUseCase,
  ) {}

  @Post('trails')
  @Operation('cloudtrail', 'CreateTrail', { readOnly: false })
  @ApiOperation({ summary: 'CreateTrail' })
  async create(@Ctx() ctx: RequestContext, @Body() body: CreateTrailRequest): Promise<TrailResponse> {
    return toTrailResponse(await this.createTrail.execute(ctx, body));
  }

  @Get('trails')
  @Operation('cloudtrail', 'DescribeTrails', { readOnly: true })
  @ApiOperation({ summary: 'DescribeTrails: the trails of the called Region (shadows included by default)' })
  async describe(
    @Ctx() ctx: RequestContext,
    @Query() query: DescribeTrailsQuery,
  ): Promise<{ trailList: TrailResponse[] }> {
    const trails = await this.describeTrails.execute(ctx, {
      trailNameList: query.name,
      includeShadowTrails: query.includeShadowTrails,
    });
    return { trailList: trails.map(toTrailResponse) };
  }

  @Get('trail-summaries')
  @Operation('cloudtrail', 'ListTrails', { readOnly: true })
  @ApiOperation({ summary: 'ListTrails: ARN, name and home Region of every trail in the Region, paginated' })
  async list(
    @Ctx() ctx: RequestContext,
    @Query() query: NextTokenQuery,
  ): Promise<{ trails: Array<{ trailArn: string; name: string; homeRegion: string }>; nextToken?: string }> {
    const page = await this.listTrails.execute(ctx, query);
    return {
      trails: page.trails.map((t) => ({ trailArn: t.arn, name: t.name, homeRegion: t.homeRegion })),
      nextToken: page.nextToken,
    };
  }

  @Get('trails/:trail')
  @Operation('cloudtrail', 'GetTrail', { readOnly: true })
  @ApiParam(TRAIL_PARAM)
  async get(@Ctx() ctx: RequestContext, @Param('trail') trail: string): Promise<TrailResponse> {
    return toTrailResponse(await this.getTrail.execute(ctx, { name: trail }));
  }

  @Patch('trails/:trail')
  @Operation('cloudtrail', 'UpdateTrail', { readOnly: false })
  @ApiParam(TRAIL_PARAM)
  async update(
    @Ctx() ctx: RequestContext,
    @Param('trail') trail: string,
    @Body() body: UpdateTrailRequest,
  ): Promise<TrailResponse> {
    return toTrailResponse(await this.updateTrail.execute(ctx, { ...body, name: trail }));
  }

  @Delete('trails/:trail')
  @HttpCode(204)
  @Operation('cloudtrail', 'DeleteTrail', { readOnly: false })
  @ApiParam(TRAIL_PARAM)
  async remove(@Ctx() ctx: RequestContext, @Param('trail') trail: string): Promise<void> {
    await this.deleteTrail.execute(ctx, { name: trail });
  }

  @Post('trails/:trail/logging')
  @HttpCode(204)
  @Operation('cloudtrail', 'StartLogging', { readOnly: false })
  @ApiParam(TRAIL_PARAM)
  async startLogging(@Ctx() ctx: RequestContext, @Param('trail') trail: string): Promise<void> {
    await this.setLogging.execute(ctx, { name: trail, logging: true });
  }

  @Delete('trails/:trail/logging')
  @HttpCode(204)
  @Operation('cloudtrail', 'StopLogging', { readOnly: false })
  @ApiParam(TRAIL_PARAM)
  async stopLogging(@Ctx() ctx: RequestContext, @Param('trail') trail: string): Promise<void> {
    await this.setLogging.execute(ctx, { name: trail, logging: false });
  }

  @Get('trails/:trail/status')
  @Operation('cloudtrail', 'GetTrailStatus', { readOnly: true })
  @ApiParam(TRAIL_PARAM)
  async status(
    @Ctx() ctx: RequestContext,
    @Param('trail') trail: string,
  ): Promise<ReturnType<typeof toTrailStatusResponse>> {
    return toTrailStatusResponse(await this.getTrail.execute(ctx, { name: trail }));
  }

  @Put('trails/:trail/event-selectors')
  @Operation('cloudtrail', 'PutEventSelectors', { readOnly: false })
  @ApiParam(TRAIL_PARAM)
  async putSelectors(
    @Ctx() ctx: RequestContext,
    @Param('trail') trail: string,
    @Body() body: PutEventSelectorsRequest,
  ): Promise<Record<string, unknown>> {
    return toEventSelectorsResponse(await this.putEventSelectors.execute(ctx, { ...body, trailName: trail }));
  }

  @Get('trails/:trail/event-selectors')
  @Operation('cloudtrail', 'GetEventSelectors', { readOnly: true })
  @ApiParam(TRAIL_PARAM)
  async getSelectors(
    @Ctx() ctx: RequestContext,
    @Param('trail') trail: string,
  ): Promise<Record<string, unknown>> {
    return toEventSelectorsResponse(await this.getTrail.execute(ctx, { name: trail }));
  }

  @Put('trails/:trail/insight-selectors')
  @Operation('cloudtrail', 'PutInsightSelectors', { readOnly: false })
  @ApiParam(TRAIL_PARAM)
  async putInsights(
    @Ctx() ctx: RequestContext,
    @Param('trail') trail: string,
    @Body() body: PutInsightSelectorsRequest,
  ): Promise<Record<string, unknown>> {
    return toInsightSelectorsResponse(
      await this.putInsightSelectors.execute(ctx, { ...body, trailName: trail }),
    );
  }

  @Get('trails/:trail/insight-selectors')
  @Operation('cloudtrail', 'GetInsightSelectors', { readOnly: true })
  @ApiParam(TRAIL_PARAM)
  async getInsights(
    @Ctx() ctx: RequestContext,
    @Param('trail') trail: string,
  ): Promise<Record<string, unknown>> {
    return toInsightSelectorsResponse(await this.getInsightSelectors.execute(ctx, { trailName: trail }));
  }

  @Get('trails/:trail/tags')
  @Operation('cloudtrail', 'ListTags', { readOnly: true })
  @ApiParam({ name: 'trail', description: 'URL-encoded trail ARN' })
  async tags(@Ctx() ctx: RequestContext, @Param('trail') trail: string): Promise<ResourceTags> {
    const [resource] = await this.listTags.execute(ctx, { resourceIdList: [trail] });
    return resource;
  }

  @Post('trails/:trail/tags')
  @HttpCode(204)
  @Operation('cloudtrail', 'AddTags', { readOnly: false })
  @ApiParam({ name: 'trail', description: 'URL-encoded trail ARN' })
  async addTags(
    @Ctx() ctx: RequestContext,
    @Param('trail') trail: string,
    @Body() body: TagsRequest,
  ): Promise<void> {
    await this.changeTags.execute(ctx, { resourceId: trail, tagsList: body.tagsList, mode: 'add' });
  }

  @Delete('trails/:trail/tags')
  @HttpCode(204)
  @Operation('cloudtrail', 'RemoveTags', { readOnly: false })
  @ApiParam({ name: 'trail', description: 'URL-encoded trail ARN' })
  async removeTags(
    @Ctx() ctx: RequestContext,
    @Param('trail') trail: string,
    @Query() query: RemoveTagsQuery,
  ): Promise<void> {
    await this.changeTags.execute(ctx, {
      resourceId: trail,
      tagsList: query.key.map((key) => ({ key })),
      mode: 'remove',
    });
  }

  @Get('trails/:trail/propagation')
  @Operation('cloudtrail', 'GetTrailPropagation', { readOnly: true })
  @ApiOperation({ summary: 'Replication state: desired, applied, pending and failed replicas, by Region' })
  @ApiParam(TRAIL_PARAM)
  propagation(@Ctx() ctx: RequestContext, @Param('trail') trail: string): Promise<TrailPropagationStatus> {
    return this.getPropagation.execute(ctx, { name: trail });
  }
}
