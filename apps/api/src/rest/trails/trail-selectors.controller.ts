import { Controller, Get, Put, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { GetEventSelectors, GetInsightSelectors, PutEventSelectors, PutInsightSelectors } from '@app/trails';
import { type FastifyRequest } from 'fastify';
import { RestOperation, RestOperations } from '../rest-operations';
import { CHANGE_RULES, LOOKUP_RULES, TRAIL_PATH } from './trail-docs';
import {
  EventSelectorsResponse,
  InsightSelectorsResponse,
  toEventSelectorsResponse,
  toInsightSelectorsResponse,
} from './trail-selector.responses';

/** A trail's event selectors and Insights selectors. */
@ApiTags('trails')
@Controller('v1/trails/:trail')
export class TrailSelectorsController {
  constructor(private readonly rest: RestOperations) {}

  @Put('event-selectors')
  @RestOperation(PutEventSelectors, {
    summary: "replace a trail's event selectors",
    description:
      'Either basic `eventSelectors` (1–5; data resources of S3 objects, Lambda functions and ' +
      'DynamoDB tables, at most 250 values) or `advancedEventSelectors`, never both; they replace ' +
      `what the trail had. ${CHANGE_RULES}`,
    path: TRAIL_PATH,
    body: { without: ['trailName'] },
  })
  @ApiOkResponse({ type: EventSelectorsResponse, description: 'The selectors in force, defaults filled in' })
  putSelectors(@Req() request: FastifyRequest): Promise<EventSelectorsResponse> {
    return this.rest.run(
      request,
      PutEventSelectors,
      (parts) => parts.bodyWith({ trailName: parts.params.trail }),
      toEventSelectorsResponse,
    );
  }

  @Get('event-selectors')
  @RestOperation(GetEventSelectors, {
    summary: "read a trail's event selectors",
    description: `The trail's basic or advanced event selectors. ${LOOKUP_RULES}`,
    path: TRAIL_PATH,
  })
  @ApiOkResponse({ type: EventSelectorsResponse })
  getSelectors(@Req() request: FastifyRequest): Promise<EventSelectorsResponse> {
    return this.rest.run(
      request,
      GetEventSelectors,
      ({ params }) => ({ trailName: params.trail }),
      toEventSelectorsResponse,
    );
  }

  @Put('insight-selectors')
  @RestOperation(PutInsightSelectors, {
    summary: "replace a trail's Insights selectors",
    description:
      'ApiCallRateInsight and ApiErrorRateInsight, each at most once, over Management and/or Data ' +
      'events the trail logs; an empty list turns Insights off. ' +
      CHANGE_RULES,
    path: TRAIL_PATH,
    body: { without: ['trailName'] },
  })
  @ApiOkResponse({ type: InsightSelectorsResponse, description: 'The Insights selectors in force' })
  putInsights(@Req() request: FastifyRequest): Promise<InsightSelectorsResponse> {
    return this.rest.run(
      request,
      PutInsightSelectors,
      (parts) => parts.bodyWith({ trailName: parts.params.trail }),
      toInsightSelectorsResponse,
    );
  }

  @Get('insight-selectors')
  @RestOperation(GetInsightSelectors, {
    summary: "read a trail's Insights selectors",
    description: `The trail's Insights selectors; InsightNotEnabledException when it has none. ${LOOKUP_RULES}`,
    path: TRAIL_PATH,
  })
  @ApiOkResponse({ type: InsightSelectorsResponse })
  getInsights(@Req() request: FastifyRequest): Promise<InsightSelectorsResponse> {
    return this.rest.run(
      request,
      GetInsightSelectors,
      ({ params }) => ({ trailName: params.trail }),
      toInsightSelectorsResponse,
    );
  }
}
