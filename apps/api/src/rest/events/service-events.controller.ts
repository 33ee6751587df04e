import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PutServiceEvents } from '@app/ingestion';
import { type FastifyRequest } from 'fastify';
import { RestOperation, RestOperations } from '../rest-operations';
import { PutServiceEventsResponse, toPutServiceEventsResponse } from './service-event.responses';

@ApiTags('events')
@Controller('v1/service-events')
export class ServiceEventsController {
  constructor(private readonly rest: RestOperations) {}

  @Post()
  @HttpCode(200)
  @RestOperation(PutServiceEvents, {
    summary: "submit another service's events",
    description:
      'The cloud’s other services submit their API activity as CloudTrail records (at most 500 a ' +
      'request, each at most 256 KB, the request at most 1 MB), signed by a principal of the operator ' +
      'account allowed `trailplane:PutServiceEvents` (condition key `trailplane:EventSource`: every ' +
      'source the batch names). Each record is checked on its own and answered accepted or failed; ' +
      'a record whose eventID was accepted before is accepted again and stored once. Management ' +
      'events join the recipient account’s LookupEvents; data events reach trails only. When the ' +
      'database falls behind the answer is ThrottlingException: retry after `Retry-After`.',
  })
  @ApiOkResponse({ type: PutServiceEventsResponse })
  put(@Req() request: FastifyRequest): Promise<PutServiceEventsResponse> {
    return this.rest.run(request, PutServiceEvents, ({ body }) => body, toPutServiceEventsResponse);
  }
}
