import { ApiProperty } from '@nestjs/swagger';
import { type ConditionContext, defineOperation, opaqueMember } from '@app/platform';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';
import { eventSourcesOf, MAX_RECORDS } from '../domain/service-record';
import { PutServiceEventsUseCase } from '../use-cases/put-service-events.use-case';

export class PutServiceEventsRequest {
  @ApiProperty({
    description: `1 to ${MAX_RECORDS} CloudTrail records (each at most 256 KB; the request at most 1 MB).`,
    type: 'array',
    items: { type: 'object', additionalProperties: true },
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RECORDS)
  @opaqueMember()
  records!: unknown[];
}

/**
 * PutServiceEvents (delivery.md §7): the cloud's other services submit their own API activity.
 * Authorized per event source (`trailplane:EventSource`, every source the batch names); the
 * submitted `userIdentity` is stored, never used to authorize anything.
 */
export const PutServiceEvents = defineOperation({
  service: 'trailplane',
  name: 'PutServiceEvents',
  readOnly: false,
  transaction: 'own',
  input: PutServiceEventsRequest,
  conditions: (input): ConditionContext => {
    const sources = Array.isArray(input.records) ? eventSourcesOf(input.records) : [];
    if (sources.length === 0) return {};
    return { 'trailplane:EventSource': sources.length === 1 ? sources[0] : sources };
  },
  useCase: PutServiceEventsUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input.records),
  // The records themselves are stored as events of their own: the call's event only counts them.
  requestParameters: (input) => ({
    recordCount: Array.isArray(input.records) ? input.records.length : 0,
    eventSources: Array.isArray(input.records) ? eventSourcesOf(input.records) : [],
  }),
  responseElements: (output) => ({
    acceptedCount: output.outcomes.filter((o) => !o.failure).length,
    failedCount: output.outcomes.filter((o) => o.failure).length,
  }),
  eventResources: 'none',
});
