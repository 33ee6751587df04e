import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { type FoundEvent, LOOKUP_ATTRIBUTE_KEYS, LookupEventsUseCase } from '@app/events';
import { type RequestContext } from '@app/platform';
import { Transform } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { Operation } from '../../http/operation';
import { Ctx } from '../../http/request-context.decorator';

const toDate = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? new Date(value) : value;
const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;

export class LookupEventsQuery {
  @ApiPropertyOptional({ enum: LOOKUP_ATTRIBUTE_KEYS })
  @IsOptional()
  @IsIn(LOOKUP_ATTRIBUTE_KEYS)
  attributeKey?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4096) attributeValue?: string;
  @ApiPropertyOptional({ description: 'ISO-8601' })
  @IsOptional()
  @Transform(toDate)
  @IsDate()
  startTime?: Date;
  @ApiPropertyOptional({ description: 'ISO-8601' }) @IsOptional() @Transform(toDate) @IsDate() endTime?: Date;
  @ApiPropertyOptional({ enum: ['insight'] }) @IsOptional() @IsString() eventCategory?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 50 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  maxResults?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(8192) nextToken?: string;
}

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

@ApiTags('events')
@Controller('v1/events')
export class EventsController {
  constructor(private readonly lookupEvents: LookupEventsUseCase) {}

  @Get()
  @Operation('cloudtrail', 'LookupEvents', { readOnly: true })
  @ApiOperation({ summary: 'LookupEvents: the caller’s events in the called Region, newest first (90 days)' })
  async lookup(
    @Ctx() ctx: RequestContext,
    @Query() query: LookupEventsQuery,
  ): Promise<{ events: Array<Record<string, unknown>>; nextToken?: string }> {
    const page = await this.lookupEvents.execute(ctx, {
      lookupAttributes:
        query.attributeKey !== undefined
          ? [{ attributeKey: query.attributeKey, attributeValue: query.attributeValue ?? '' }]
          : undefined,
      startTime: query.startTime,
      endTime: query.endTime,
      eventCategory: query.eventCategory,
      maxResults: query.maxResults,
      nextToken: query.nextToken,
    });
    return { events: page.events.map(toEventResponse), nextToken: page.nextToken };
  }
}
