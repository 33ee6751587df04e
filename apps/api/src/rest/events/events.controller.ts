import { Controller, Get, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { LOOKUP_ATTRIBUTE_KEYS, LookupEvents } from '@app/events';
import { type FastifyRequest } from 'fastify';
import { queryInteger, queryTime, RestOperation, RestOperations } from '../rest-operations';
import { EventListResponse, toEventResponse } from './event.responses';

/** The one lookup attribute a REST query names (`attributeKey` and `attributeValue`). */
function lookupAttributes(key: unknown, value: unknown): object[] | undefined {
  return key === undefined ? undefined : [{ attributeKey: key, attributeValue: value ?? '' }];
}

@ApiTags('events')
@Controller('v1/events')
export class EventsController {
  constructor(private readonly rest: RestOperations) {}

  @Get()
  @RestOperation(LookupEvents, {
    summary: "look up the caller's events",
    description:
      "The management events of the caller's account in the called Region over the last 90 days, " +
      'newest first: filtered by one `attributeKey`/`attributeValue` and a `startTime`–`endTime` ' +
      'window (ISO 8601), `maxResults` (1–50, default 50) a page; `nextToken` is bound to the query.',
    query: [
      {
        name: 'attributeKey',
        required: false,
        enum: [...LOOKUP_ATTRIBUTE_KEYS],
        description: 'The attribute to filter on',
      },
      {
        name: 'attributeValue',
        required: false,
        type: String,
        description: 'The value it must have (1–2000 characters)',
      },
      {
        name: 'startTime',
        required: false,
        type: String,
        format: 'date-time',
        description: 'Default: 90 days ago',
      },
      { name: 'endTime', required: false, type: String, format: 'date-time', description: 'Default: now' },
      { name: 'eventCategory', required: false, enum: ['insight'], description: 'Insights events only' },
      {
        name: 'maxResults',
        required: false,
        type: 'integer',
        minimum: 1,
        maximum: 50,
        description: 'Page size',
      },
      { name: 'nextToken', required: false, type: String, description: 'From the previous page' },
    ],
  })
  @ApiOkResponse({ type: EventListResponse })
  lookup(@Req() request: FastifyRequest): Promise<EventListResponse> {
    return this.rest.run(
      request,
      LookupEvents,
      ({ query }) => ({
        lookupAttributes: lookupAttributes(query.attributeKey, query.attributeValue),
        startTime: queryTime(query.startTime),
        endTime: queryTime(query.endTime),
        eventCategory: query.eventCategory,
        maxResults: queryInteger(query.maxResults),
        nextToken: query.nextToken,
      }),
      (page) => ({ events: page.events.map(toEventResponse), nextToken: page.nextToken }),
    );
  }
}
