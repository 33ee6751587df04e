import { ApiProperty } from '@nestjs/swagger';

/* The coverage matrix over REST: Regions, the trails that cover some cell, and accounts' rows. */

const TIME = { type: String, format: 'date-time', nullable: true } as const;

export class CoverageTrailResponse {
  @ApiProperty() arn!: string;
  @ApiProperty() name!: string;
  @ApiProperty() homeRegion!: string;
  @ApiProperty() ownerAccountId!: string;
  @ApiProperty() isOrganizationTrail!: boolean;
  @ApiProperty() isMultiRegionTrail!: boolean;
  @ApiProperty() isLogging!: boolean;
  @ApiProperty({ description: 'Every replica is in place for the trail’s latest settings' })
  propagated!: boolean;
  @ApiProperty({ type: String, nullable: true }) propagationError!: string | null;
  @ApiProperty(TIME) latestDeliveryTime!: Date | null;
  @ApiProperty({ type: String, nullable: true }) latestDeliveryError!: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) latestDeliveryAttemptSucceeded!: boolean | null;
  @ApiProperty(TIME) latestDigestDeliveryTime!: Date | null;
}

export class CoverageCellResponse {
  @ApiProperty({ enum: ['disabled', 'gap', 'failing', 'not-logging', 'covered'] }) status!: string;
  @ApiProperty({ type: [Number], description: 'Indexes into `trails`' }) trails!: number[];
  @ApiProperty({ ...TIME, description: 'The latest log file delivered for this account and Region' })
  latestDeliveryTime!: Date | null;
}

export class CoverageAccountResponse {
  @ApiProperty({ example: '111122223333' }) accountId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Its root or OU in the organization' })
  parentId!: string | null;
  @ApiProperty({ type: [CoverageCellResponse], description: 'One per Region, in `regions` order' })
  cells!: CoverageCellResponse[];
}

export class CoverageResponse {
  @ApiProperty({ type: [String], example: ['eu-west-1', 'us-east-1'] }) regions!: string[];
  @ApiProperty({ type: [CoverageTrailResponse] }) trails!: CoverageTrailResponse[];
  @ApiProperty({ type: [CoverageAccountResponse] }) accounts!: CoverageAccountResponse[];
}
