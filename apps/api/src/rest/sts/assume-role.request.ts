import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { type AssumeRoleInput } from '@app/iam';

/** `POST /v1/sts/assume-role` (names, lengths and durations are STS's rules, checked by the use case). */
export class AssumeRoleRequest implements AssumeRoleInput {
  @ApiProperty({ example: 'arn:aws:iam::111122223333:role/OrganizationAccountAccessRole' })
  @IsString()
  @MaxLength(2048)
  roleArn!: string;
  @ApiProperty({ example: 'audit-session' }) @IsString() @MaxLength(1024) roleSessionName!: string;
  @ApiPropertyOptional({ minimum: 900, maximum: 43200, default: 3600 })
  @IsOptional()
  @IsInt()
  durationSeconds?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1224) externalId?: string;
}
