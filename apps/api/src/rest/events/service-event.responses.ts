import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type PutServiceEventsOutput, type RecordOutcome } from '@app/ingestion';

/* REST answer of PutServiceEvents: each record accepted or failed, by its place in the batch. */

export class AcceptedRecordResponse {
  @ApiProperty({ description: 'The record’s place in `records` (from 0)' }) index!: number;
  @ApiProperty({ format: 'uuid' }) eventID!: string;
}

export class FailedRecordResponse {
  @ApiProperty({ description: 'The record’s place in `records` (from 0)' }) index!: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'When the record had a readable one' })
  eventID?: string;
  @ApiProperty({
    enum: [
      'InvalidRecord',
      'RecordTooLarge',
      'EventTimeOutOfRange',
      'InvalidEventSource',
      'AccountNotFound',
      'RegionNotEnabled',
    ],
  })
  errorCode!: string;
  @ApiProperty() errorMessage!: string;
}

export class PutServiceEventsResponse {
  @ApiProperty({
    type: [AcceptedRecordResponse],
    description: 'Stored, or stored before (the same eventID): never stored twice',
  })
  accepted!: AcceptedRecordResponse[];
  @ApiProperty({ type: [FailedRecordResponse], description: 'Not stored; the others are' })
  failed!: FailedRecordResponse[];
}

export function toPutServiceEventsResponse(output: PutServiceEventsOutput): PutServiceEventsResponse {
  return {
    accepted: output.outcomes
      .filter((o) => !o.failure)
      .map((o) => ({ index: o.index, eventID: o.eventId ?? '' })),
    failed: output.outcomes.flatMap((o: RecordOutcome) =>
      o.failure
        ? [
            {
              index: o.index,
              ...(o.eventId ? { eventID: o.eventId } : {}),
              errorCode: o.failure.code,
              errorMessage: o.failure.message,
            },
          ]
        : [],
    ),
  };
}
