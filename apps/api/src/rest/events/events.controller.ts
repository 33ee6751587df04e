import { Controller, Get, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type FoundEvent, LookupEvents } from '@app/events';
import { type FastifyRequest } from 'fastify';
import { queryInteger, queryTime, RestOperation, RestOperations } from '../rest-operations';

function toEventResponse(event: FoundEvent): Record<string, unknown> {
  const { record } = event;
  return {
    eventId: record.eventID,
    eventName: record.eventName,
    readOnly: record.readOnly,
    accessKeyId: record.userIdentity.accessKeyId,
    eventTime: event.eventTime.toISOString(),
    eventSource: record.eventSource,
    username: event.username,
    resources: (record.resources ?? []).map((r) => ({ resourceType: r.type, resourceName: r.ARN })),
    cloudTrailEvent: record,
  };
}

/** The one lookup attribute a REST query names (`attributeKey` and `attributeValue`). */
function lookupAttributes(key: unknown, value: unknown): object[] | undefined {
  return key === undefined ? undefined : [{ attributeKey: key, attributeValue: value ?? '' }];
}

@ApiTags('events')
@Controller('v1/events')
export class EventsController {
  constructor(private readonly rest: RestOperations) {}

  @Get()
  @RestOperation(
    LookupEvents,
    "The caller's events in the called Region, newest first, over the last 90 days: one `attributeKey`/`attributeValue` filter, `startTime`/`endTime` (ISO-8601), `maxResults` (1–50), `nextToken`.",
  )
  lookup(
    @Req() request: FastifyRequest,
  ): Promise<{ events: Array<Record<string, unknown>>; nextToken?: string }> {
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
