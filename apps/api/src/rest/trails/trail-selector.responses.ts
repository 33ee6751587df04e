import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type TrailRecord } from '@app/trails';

/* REST answers of the selector operations: CloudTrail's shapes in camelCase, defaults filled in. */

export class DataResourceResponse {
  @ApiProperty({ example: 'AWS::S3::Object' }) type!: string;
  @ApiProperty({ type: [String] }) values!: readonly string[];
}

export class EventSelectorResponse {
  @ApiProperty({ enum: ['ReadOnly', 'WriteOnly', 'All'] }) readWriteType!: string;
  @ApiProperty() includeManagementEvents!: boolean;
  @ApiProperty({ type: [DataResourceResponse] }) dataResources!: readonly DataResourceResponse[];
  @ApiProperty({ type: [String] }) excludeManagementEventSources!: readonly string[];
}

export class AdvancedFieldSelectorResponse {
  @ApiProperty({ example: 'eventCategory' }) field!: string;
  @ApiPropertyOptional({ type: [String] }) equals?: readonly string[];
  @ApiPropertyOptional({ type: [String] }) startsWith?: readonly string[];
  @ApiPropertyOptional({ type: [String] }) endsWith?: readonly string[];
  @ApiPropertyOptional({ type: [String] }) notEquals?: readonly string[];
  @ApiPropertyOptional({ type: [String] }) notStartsWith?: readonly string[];
  @ApiPropertyOptional({ type: [String] }) notEndsWith?: readonly string[];
}

export class AdvancedEventSelectorResponse {
  @ApiPropertyOptional() name?: string;
  @ApiProperty({ type: [AdvancedFieldSelectorResponse] })
  fieldSelectors!: readonly AdvancedFieldSelectorResponse[];
}

/** A trail's event selectors: basic (`eventSelectors`) or advanced (`advancedEventSelectors`), never both. */
export class EventSelectorsResponse {
  @ApiProperty() trailArn!: string;
  @ApiPropertyOptional({ type: [EventSelectorResponse] }) eventSelectors?: readonly EventSelectorResponse[];
  @ApiPropertyOptional({ type: [AdvancedEventSelectorResponse] })
  advancedEventSelectors?: readonly AdvancedEventSelectorResponse[];
}

export class InsightSelectorResponse {
  @ApiProperty({ enum: ['ApiCallRateInsight', 'ApiErrorRateInsight'] }) insightType!: string;
  @ApiPropertyOptional({ type: [String], example: ['Management'] }) eventCategories?: readonly string[];
}

export class InsightSelectorsResponse {
  @ApiProperty() trailArn!: string;
  @ApiProperty({ type: [InsightSelectorResponse] }) insightSelectors!: readonly InsightSelectorResponse[];
}

export function toEventSelectorsResponse(trail: TrailRecord): EventSelectorsResponse {
  const selectors = trail.eventSelectors;
  return selectors.kind === 'basic'
    ? { trailArn: trail.arn, eventSelectors: selectors.eventSelectors }
    : { trailArn: trail.arn, advancedEventSelectors: selectors.advancedEventSelectors };
}

export function toInsightSelectorsResponse(trail: TrailRecord): InsightSelectorsResponse {
  return { trailArn: trail.arn, insightSelectors: trail.insightSelectors };
}
