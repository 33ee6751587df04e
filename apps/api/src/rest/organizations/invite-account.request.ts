import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { type InviteAccountToOrganizationInput } from '@app/organizations';

export class InviteTargetRequest {
  @ApiProperty({ enum: ['ACCOUNT', 'EMAIL'] })
  @IsIn(['ACCOUNT', 'EMAIL'])
  type!: string;

  @ApiProperty({ description: 'A 12-digit account id (ACCOUNT) or the account e-mail (EMAIL).' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  id!: string;
}

/** InviteAccountToOrganization: an invitation handshake to a standalone account. */
export class InviteAccountRequest implements InviteAccountToOrganizationInput {
  @ApiProperty({ type: () => InviteTargetRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => InviteTargetRequest)
  target!: InviteTargetRequest;

  @ApiPropertyOptional({ maxLength: 1024 })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  notes?: string;
}
