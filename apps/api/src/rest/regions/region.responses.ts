import { ApiProperty } from '@nestjs/swagger';

/* REST answers of the Region operations. */

export class RegionResponse {
  @ApiProperty({ example: 'eu-west-1' }) name!: string;
  @ApiProperty({ description: 'Opt-in Regions are enabled per account; the others everywhere' })
  optIn!: boolean;
}

export class RegionListResponse {
  @ApiProperty({ type: [RegionResponse] }) regions!: RegionResponse[];
}

export class AccountRegionResponse {
  @ApiProperty({ example: 'ap-east-1' }) regionName!: string;
  @ApiProperty({ enum: ['ENABLED', 'DISABLED', 'ENABLED_BY_DEFAULT'] }) regionOptStatus!: string;
}

export class AccountRegionListResponse {
  @ApiProperty({ type: [AccountRegionResponse] }) regions!: AccountRegionResponse[];
}
