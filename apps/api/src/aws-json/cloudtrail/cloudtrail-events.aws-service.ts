import { Injectable } from '@nestjs/common';
import { type FoundEvent, LookupEventsUseCase } from '@app/events';
import { type RequestContext } from '@app/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { AwsAction, AwsService } from '../aws-operation.decorator';

class LookupAttributeAwsShape {
  @IsString() @MaxLength(64) AttributeKey!: string;
  @IsString() @MaxLength(4096) AttributeValue!: string;
}

export class LookupEventsAwsRequest {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => LookupAttributeAwsShape)
  LookupAttributes?: LookupAttributeAwsShape[];
  /** Epoch seconds (AWS JSON timestamps). */
  @IsOptional() @IsNumber() StartTime?: number;
  @IsOptional() @IsNumber() EndTime?: number;
  @IsOptional() @IsString() @MaxLength(64) EventCategory?: string;
  @IsOptional() @IsInt() MaxResults?: number;
  @IsOptional() @IsString() @MaxLength(8192) NextToken?: string;
}

export function toAwsEvent(event: FoundEvent): Record<string, unknown> {
  const { record } = event;
  return {
    EventId: record.eventID,
    EventName: record.eventName,
    ReadOnly: String(record.readOnly),
    AccessKeyId: record.userIdentity.accessKeyId,
    EventTime: event.eventTime.getTime() / 1000,
    EventSource: record.eventSource,
    Username: event.username ?? undefined,
    Resources: (record.resources ?? []).map((r) => ({ ResourceType: r.type, ResourceName: r.ARN })),
    CloudTrailEvent: JSON.stringify(record),
  };
}

/** CloudTrail LookupEvents (§2.15) on the AWS JSON 1.1 protocol. */
@Injectable()
@AwsService({
  service: 'cloudtrail',
  protocol: 'json',
  targetPrefixes: ['CloudTrail_20131101', 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101'],
  validationCode: 'InvalidParameterException',
})
export class CloudTrailEventsAwsService {
  constructor(private readonly lookupEvents: LookupEventsUseCase) {}

  @AwsAction({ input: LookupEventsAwsRequest, readOnly: true })
  async LookupEvents(ctx: RequestContext, r: LookupEventsAwsRequest): Promise<object> {
    const page = await this.lookupEvents.execute(ctx, {
      lookupAttributes: r.LookupAttributes?.map((a) => ({
        attributeKey: a.AttributeKey,
        attributeValue: a.AttributeValue,
      })),
      startTime: r.StartTime === undefined ? undefined : new Date(r.StartTime * 1000),
      endTime: r.EndTime === undefined ? undefined : new Date(r.EndTime * 1000),
      eventCategory: r.EventCategory,
      maxResults: r.MaxResults,
      nextToken: r.NextToken,
    });
    return { Events: page.events.map(toAwsEvent), NextToken: page.nextToken };
  }
}
