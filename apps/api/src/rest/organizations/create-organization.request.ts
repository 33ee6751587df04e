import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { type CreateOrganizationInput, FEATURE_SETS, type FeatureSet } from '@app/organizations';

export class CreateOrganizationRequest implements CreateOrganizationInput {
  @ApiPropertyOptional({ enum: FEATURE_SETS, default: 'ALL' })
  @IsOptional()
  @IsIn(FEATURE_SETS)
  featureSet?: FeatureSet;
}
