import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { POLICY_TYPES } from '@app/organizations';
import { OrganizationsPageQuery } from './organizations-page.query';

/* REST shapes of the service control policy operations (camelCase; the domain checks limits). */

export class CreateServiceControlPolicyRequest {
  @ApiProperty({ example: 'DenyTrailDeletion' }) @IsString() @MaxLength(1024) name!: string;
  @ApiPropertyOptional({ default: '' }) @IsOptional() @IsString() @MaxLength(4096) description?: string;
  @ApiProperty({ description: 'The SCP document (JSON text)' })
  @IsString()
  @MaxLength(1_000_000)
  content!: string;
  @ApiPropertyOptional({ default: 'SERVICE_CONTROL_POLICY' }) @IsOptional() @IsIn(POLICY_TYPES) type?: string;
}

export class UpdateServiceControlPolicyRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1024) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4096) description?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1_000_000) content?: string;
}

export class PolicyFilterQuery extends OrganizationsPageQuery {
  @ApiPropertyOptional({ default: 'SERVICE_CONTROL_POLICY' })
  @IsOptional()
  @IsIn(POLICY_TYPES)
  filter?: string;
}
