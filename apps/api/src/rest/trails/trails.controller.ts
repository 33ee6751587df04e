import { Controller, Delete, Get, HttpCode, Patch, Post, Put, Req } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import {
  AddTags,
  CreateTrail,
  DeleteTrail,
  DescribeTrails,
  GetEventSelectors,
  GetInsightSelectors,
  GetTrail,
  GetTrailPropagation,
  ListTags,
  ListTrails,
  PutEventSelectors,
  PutInsightSelectors,
  RemoveTags,
  type ResourceTags,
  StartLogging,
  StopLogging,
  type TrailPropagationStatus,
  UpdateTrail,
} from '@app/trails';
import { type FastifyRequest } from 'fastify';
import { GetTrailStatus, ListTrailDeliveries } from '@app/delivery';
import { queryBoolean, queryInteger, queryList, RestOperation, RestOperations } from '../rest-operations';
import {
  toEventSelectorsResponse,
  toInsightSelectorsResponse,
  toTrailResponse,
  toDeliveryResponse,
  toTrailStatusResponse,
  type TrailResponse,
  type TrailStatusResponse,
} from './trail.responses';

const TRAIL_PARAM = { name: 'trail', description: 'Trail name, or URL-encoded trail ARN' };
const ARN_PARAM = { name: 'trail', description: 'URL-encoded trail ARN' };
const nothing = (): void => undefined;

/** The CloudTrail trail API over REST; the SigV4 scope's Region is the Region acted in. */
@ApiTags('trails')
@Controller('v1')
export class TrailsController {
  constructor(private readonly rest: RestOperations) {}

  @Post('trails')
  @RestOperation(CreateTrail)
  create(@Req() request: FastifyRequest): Promise<TrailResponse> {
    return this.rest.run(request, CreateTrail, ({ body }) => body, toTrailResponse);
  }

  @Get('trails')
  @RestOperation(DescribeTrails, 'The trails of the called Region (shadows included by default).')
  describe(@Req() request: FastifyRequest): Promise<{ trailList: TrailResponse[] }> {
    return this.rest.run(
      request,
      DescribeTrails,
      ({ query }) => ({
        trailNameList: queryList(query.name),
        includeShadowTrails: queryBoolean(query.includeShadowTrails),
      }),
      (trails) => ({ trailList: trails.map(toTrailResponse) }),
    );
  }

  @Get('trail-summaries')
  @RestOperation(ListTrails, 'ARN, name and home Region of every trail in the Region, paginated.')
  list(
    @Req() request: FastifyRequest,
  ): Promise<{ trails: Array<{ trailArn: string; name: string; homeRegion: string }>; nextToken?: string }> {
    return this.rest.run(
      request,
      ListTrails,
      ({ query }) => ({ nextToken: query.nextToken }),
      (page) => ({
        trails: page.trails.map((t) => ({ trailArn: t.arn, name: t.name, homeRegion: t.homeRegion })),
        nextToken: page.nextToken,
      }),
    );
  }

  @Get('trails/:trail')
  @RestOperation(GetTrail)
  @ApiParam(TRAIL_PARAM)
  get(@Req() request: FastifyRequest): Promise<TrailResponse> {
    return this.rest.run(request, GetTrail, ({ params }) => ({ name: params.trail }), toTrailResponse);
  }

  @Patch('trails/:trail')
  @RestOperation(UpdateTrail)
  @ApiParam(TRAIL_PARAM)
  update(@Req() request: FastifyRequest): Promise<TrailResponse> {
    return this.rest.run(
      request,
      UpdateTrail,
      (parts) => parts.bodyWith({ name: parts.params.trail }),
      toTrailResponse,
    );
  }

  @Delete('trails/:trail')
  @HttpCode(204)
  @RestOperation(DeleteTrail)
  @ApiParam(TRAIL_PARAM)
  remove(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(request, DeleteTrail, ({ params }) => ({ name: params.trail }), nothing);
  }

  @Post('trails/:trail/logging')
  @HttpCode(204)
  @RestOperation(StartLogging)
  @ApiParam(TRAIL_PARAM)
  startLogging(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(request, StartLogging, ({ params }) => ({ name: params.trail }), nothing);
  }

  @Delete('trails/:trail/logging')
  @HttpCode(204)
  @RestOperation(StopLogging)
  @ApiParam(TRAIL_PARAM)
  stopLogging(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(request, StopLogging, ({ params }) => ({ name: params.trail }), nothing);
  }

  @Get('trails/:trail/status')
  @RestOperation(GetTrailStatus)
  @ApiParam(TRAIL_PARAM)
  status(@Req() request: FastifyRequest): Promise<TrailStatusResponse> {
    return this.rest.run(
      request,
      GetTrailStatus,
      ({ params }) => ({ name: params.trail }),
      toTrailStatusResponse,
    );
  }

  @Put('trails/:trail/event-selectors')
  @RestOperation(PutEventSelectors)
  @ApiParam(TRAIL_PARAM)
  putSelectors(@Req() request: FastifyRequest): Promise<Record<string, unknown>> {
    return this.rest.run(
      request,
      PutEventSelectors,
      (parts) => parts.bodyWith({ trailName: parts.params.trail }),
      toEventSelectorsResponse,
    );
  }

  @Get('trails/:trail/event-selectors')
  @RestOperation(GetEventSelectors)
  @ApiParam(TRAIL_PARAM)
  getSelectors(@Req() request: FastifyRequest): Promise<Record<string, unknown>> {
    return this.rest.run(
      request,
      GetEventSelectors,
      ({ params }) => ({ trailName: params.trail }),
      toEventSelectorsResponse,
    );
  }

  @Put('trails/:trail/insight-selectors')
  @RestOperation(PutInsightSelectors)
  @ApiParam(TRAIL_PARAM)
  putInsights(@Req() request: FastifyRequest): Promise<Record<string, unknown>> {
    return this.rest.run(
      request,
      PutInsightSelectors,
      (parts) => parts.bodyWith({ trailName: parts.params.trail }),
      toInsightSelectorsResponse,
    );
  }

  @Get('trails/:trail/insight-selectors')
  @RestOperation(GetInsightSelectors)
  @ApiParam(TRAIL_PARAM)
  getInsights(@Req() request: FastifyRequest): Promise<Record<string, unknown>> {
    return this.rest.run(
      request,
      GetInsightSelectors,
      ({ params }) => ({ trailName: params.trail }),
      toInsightSelectorsResponse,
    );
  }

  @Get('trails/:trail/tags')
  @RestOperation(ListTags)
  @ApiParam(ARN_PARAM)
  tags(@Req() request: FastifyRequest): Promise<ResourceTags> {
    return this.rest.run(
      request,
      ListTags,
      ({ params }) => ({ resourceIdList: [params.trail] }),
      ([tags]) => tags,
    );
  }

  @Post('trails/:trail/tags')
  @HttpCode(204)
  @RestOperation(AddTags)
  @ApiParam(ARN_PARAM)
  addTags(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(
      request,
      AddTags,
      (parts) => parts.bodyWith({ resourceId: parts.params.trail }),
      nothing,
    );
  }

  @Delete('trails/:trail/tags')
  @HttpCode(204)
  @RestOperation(RemoveTags, 'Removes the tags whose keys are given as repeated `key` query parameters.')
  @ApiParam(ARN_PARAM)
  removeTags(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(
      request,
      RemoveTags,
      ({ params, query }) => ({
        resourceId: params.trail,
        tagsList: queryList(query.key)?.map((key) => ({ key })),
      }),
      nothing,
    );
  }

  @Get('trails/:trail/deliveries')
  @RestOperation(
    ListTrailDeliveries,
    'The log files the trail delivered, oldest first (key, time, records, bytes); `accountId` and `region` narrow them. A member account sees its own.',
  )
  @ApiParam(TRAIL_PARAM)
  deliveries(
    @Req() request: FastifyRequest,
  ): Promise<{ deliveries: Array<Record<string, unknown>>; nextToken?: string }> {
    return this.rest.run(
      request,
      ListTrailDeliveries,
      ({ params, query }) => ({
        name: params.trail,
        accountId: query.accountId,
        region: query.region,
        maxResults: queryInteger(query.maxResults),
        nextToken: query.nextToken,
      }),
      (page) => ({ deliveries: page.deliveries.map(toDeliveryResponse), nextToken: page.nextToken }),
    );
  }

  @Get('trails/:trail/propagation')
  @RestOperation(
    GetTrailPropagation,
    'Replication state: desired, applied, pending and failed replicas, by Region.',
  )
  @ApiParam(TRAIL_PARAM)
  propagation(@Req() request: FastifyRequest): Promise<TrailPropagationStatus> {
    return this.rest.run(
      request,
      GetTrailPropagation,
      ({ params }) => ({ name: params.trail }),
      (status) => status,
    );
  }
}
