import { Controller, Delete, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CreateTrail,
  DeleteTrail,
  DescribeTrails,
  GetTrail,
  GetTrailPropagation,
  ListTrails,
  StartLogging,
  StopLogging,
  UpdateTrail,
} from '@app/trails';
import { GetTrailStatus, ListTrailDeliveries } from '@app/delivery';
import { type FastifyRequest } from 'fastify';
import { queryBoolean, queryInteger, queryList, RestOperation, RestOperations } from '../rest-operations';
import { CHANGE_RULES, LOOKUP_RULES, TRAIL_PATH } from './trail-docs';
import {
  DeliveryListResponse,
  toDeliveryResponse,
  toTrailResponse,
  toTrailStatusResponse,
  TrailListResponse,
  TrailPropagationResponse,
  TrailResponse,
  TrailStatusResponse,
  TrailSummaryListResponse,
} from './trail.responses';

const nothing = (): void => undefined;

/** The CloudTrail trail API over REST; the SigV4 scope's Region is the Region acted in. */
@ApiTags('trails')
@Controller('v1')
export class TrailsController {
  constructor(private readonly rest: RestOperations) {}

  @Post('trails')
  @RestOperation(CreateTrail, {
    summary: 'create a trail in the called Region',
    description:
      'Creates a trail homed in the called Region, logging off until StartLogging. Names are 3–128 ' +
      'letters, digits, `.`, `_` and `-`, unique per account in every Region the trail occupies; an ' +
      'account has at most five trails a Region (a multi-Region trail takes a slot in each). An ' +
      'organization trail (`isOrganizationTrail`) needs an all-features organization with trusted ' +
      'access for cloudtrail.amazonaws.com, is created by the management account or a CloudTrail ' +
      'delegated administrator, and is owned by the management account. A bucket of the built-in ' +
      'object store must exist (S3BucketDoesNotExistException) and its policy must let ' +
      'cloudtrail.amazonaws.com PutObject the trail’s keys with `aws:SourceArn` = the trail ARN ' +
      '(InsufficientS3BucketPolicyException); with an external store (TRAILPLANE_S3_ENDPOINT) it is ' +
      'not checked. `createBucket: true` creates the bucket in the caller’s account with the policy the ' +
      'AWS console writes (statements AWSCloudTrailAclCheck20150319, AWSCloudTrailWrite20150319 on ' +
      '`[prefix/]AWSLogs/<account>/*` and, for an organization trail, ' +
      'AWSCloudTrailOrganizationWrite20150319 on `AWSLogs/<o-id>/*`); the caller needs ' +
      's3:CreateBucket and s3:PutBucketPolicy on the bucket as well.',
    body: {},
  })
  @ApiCreatedResponse({ type: TrailResponse, description: 'The trail created' })
  create(@Req() request: FastifyRequest): Promise<TrailResponse> {
    return this.rest.run(request, CreateTrail, ({ body }) => body, toTrailResponse);
  }

  @Get('trails')
  @RestOperation(DescribeTrails, {
    summary: 'describe the trails of the called Region',
    description:
      'The trails the caller holds in the called Region, shadows of multi-Region trails and inherited ' +
      'organization trails included unless `includeShadowTrails=false`; or only those named by `name` ' +
      '(names matching nothing are left out).',
    query: [
      {
        name: 'name',
        required: false,
        type: [String],
        description: 'A trail name or ARN; repeat the parameter for several',
      },
      { name: 'includeShadowTrails', required: false, type: Boolean, description: 'Default true' },
    ],
  })
  @ApiOkResponse({ type: TrailListResponse })
  describe(@Req() request: FastifyRequest): Promise<TrailListResponse> {
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
  @RestOperation(ListTrails, {
    summary: 'list the trails of the called Region',
    description:
      'ARN, name and home Region of every trail the caller holds in the called Region, 50 a page, ' +
      'each once; `nextToken` is bound to the caller and the Region.',
    query: [{ name: 'nextToken', required: false, type: String, description: 'From the previous page' }],
  })
  @ApiOkResponse({ type: TrailSummaryListResponse })
  list(@Req() request: FastifyRequest): Promise<TrailSummaryListResponse> {
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
  @RestOperation(GetTrail, {
    summary: 'read a trail',
    description: `The trail's settings. ${LOOKUP_RULES}`,
    path: TRAIL_PATH,
  })
  @ApiOkResponse({ type: TrailResponse })
  get(@Req() request: FastifyRequest): Promise<TrailResponse> {
    return this.rest.run(request, GetTrail, ({ params }) => ({ name: params.trail }), toTrailResponse);
  }

  @Patch('trails/:trail')
  @RestOperation(UpdateTrail, {
    summary: "change a trail's settings",
    description:
      'A partial update: members left out keep their value, an empty string clears an optional ' +
      'destination. Becoming multi-Region checks the name and the five-trail quota in every Region ' +
      'gained; only the management account turns a trail into an organization trail or back. ' +
      `Replicas follow asynchronously (see GetTrailPropagation). ${CHANGE_RULES}`,
    path: TRAIL_PATH,
    body: { without: ['name'] },
  })
  @ApiOkResponse({ type: TrailResponse, description: 'The trail as updated' })
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
  @RestOperation(DeleteTrail, {
    summary: 'delete a trail',
    description: `Deletes the trail and, with it, every replica. ${CHANGE_RULES}`,
    path: TRAIL_PATH,
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  remove(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(request, DeleteTrail, ({ params }) => ({ name: params.trail }), nothing);
  }

  @Post('trails/:trail/logging')
  @HttpCode(204)
  @RestOperation(StartLogging, {
    summary: 'start logging',
    description: `Turns the trail's logging on (on a trail already logging, nothing changes). ${CHANGE_RULES}`,
    path: TRAIL_PATH,
  })
  @ApiNoContentResponse({ description: 'Logging' })
  startLogging(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(request, StartLogging, ({ params }) => ({ name: params.trail }), nothing);
  }

  @Delete('trails/:trail/logging')
  @HttpCode(204)
  @RestOperation(StopLogging, {
    summary: 'stop logging',
    description: `Turns the trail's logging off (on a trail not logging, nothing changes). ${CHANGE_RULES}`,
    path: TRAIL_PATH,
  })
  @ApiNoContentResponse({ description: 'Not logging' })
  stopLogging(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(request, StopLogging, ({ params }) => ({ name: params.trail }), nothing);
  }

  @Get('trails/:trail/status')
  @RestOperation(GetTrailStatus, {
    summary: "read a trail's logging status",
    description:
      'Whether the trail is logging, and since when; when it last delivered a log file and a digest, ' +
      `and why its last attempts failed, if they did. ${LOOKUP_RULES}`,
    path: TRAIL_PATH,
  })
  @ApiOkResponse({ type: TrailStatusResponse })
  status(@Req() request: FastifyRequest): Promise<TrailStatusResponse> {
    return this.rest.run(
      request,
      GetTrailStatus,
      ({ params }) => ({ name: params.trail }),
      toTrailStatusResponse,
    );
  }

  @Get('trails/:trail/deliveries')
  @RestOperation(ListTrailDeliveries, {
    summary: 'list the log files a trail delivered',
    description:
      "Trailplane's own read: the log files the trail delivered, oldest first (key, time, records, " +
      'bytes). A member account sees the files of its own events only. ' +
      LOOKUP_RULES,
    path: TRAIL_PATH,
    query: [
      {
        name: 'accountId',
        required: false,
        description: 'Only the files of this account (an organization trail holds every member’s)',
      },
      { name: 'region', required: false, description: 'Only the files of this Region' },
      {
        name: 'maxResults',
        required: false,
        type: Number,
        description: 'Files per page, 1–1000 (default 100)',
      },
      { name: 'nextToken', required: false, description: 'The nextToken of the previous page' },
    ],
  })
  @ApiOkResponse({ type: DeliveryListResponse })
  deliveries(@Req() request: FastifyRequest): Promise<DeliveryListResponse> {
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
  @RestOperation(GetTrailPropagation, {
    summary: "read a trail's replication state",
    description:
      "Trailplane's own read: a trail's replicas — multi-Region shadows and organization copies — " +
      'desired, applied, pending and failed, by Region, with the generation every replica reflects. ' +
      LOOKUP_RULES,
    path: TRAIL_PATH,
  })
  @ApiOkResponse({ type: TrailPropagationResponse })
  propagation(@Req() request: FastifyRequest): Promise<TrailPropagationResponse> {
    return this.rest.run(
      request,
      GetTrailPropagation,
      ({ params }) => ({ name: params.trail }),
      (status) => status,
    );
  }
}
