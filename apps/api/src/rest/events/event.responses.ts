import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type FoundEvent } from '@app/events';

/* REST answers of LookupEvents: CloudTrail's `Event` members in camelCase, times in ISO 8601. */

export class EventResourceResponse {
  @ApiProperty({ example: 'AWS::CloudTrail::Trail' }) resourceType!: string;
  @ApiProperty({ description: 'The resource ARN' }) resourceName!: string;
}

export class EventResponse {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'CreateTrail' }) eventName!: string;
  @ApiProperty() readOnly!: boolean;
  @ApiPropertyOptional({ description: 'The access key the call was signed with' }) accessKeyId?: string;
  @ApiProperty({ type: String, format: 'date-time' }) eventTime!: string;
  @ApiProperty({ example: 'cloudtrail.amazonaws.com' }) eventSource!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The IAM user or role session name, or null' })
  username!: string | null;
  @ApiProperty({ type: [EventResourceResponse] }) resources!: EventResourceResponse[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The CloudTrail record, as delivered to the trail (userIdentity, requestParameters, …)',
  })
  cloudTrailEvent!: object;
}

export class EventListResponse {
  @ApiProperty({ type: [EventResponse] }) events!: EventResponse[];
  @ApiPropertyOptional({ description: 'Present while older events remain' }) nextToken?: string;
}

export function toEventResponse(event: FoundEvent): EventResponse {
  const { record } = event;
  return {
    eventId: record.eventID,
    eventName: record.eventName,
    readOnly: record.readOnly,
    accessKeyId: record.userIdentity.accessKeyId as string | undefined,
    eventTime: event.eventTime.toISOString(),
    eventSource: record.eventSource,
    username: event.username,
    resources: (record.resources ?? []).map((r) => ({ resourceType: r.type, resourceName: r.ARN })),
    cloudTrailEvent: record,
  };
}
