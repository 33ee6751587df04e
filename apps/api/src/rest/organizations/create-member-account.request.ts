import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { type CreateAccountInput, type IamUserAccessToBilling } from '@app/organizations';

/** CreateAccount: a new member account, created asynchronously. */
export class CreateMemberAccountRequest implements CreateAccountInput {
  @ApiProperty({ example: 'audit@example.com', minLength: 6, maxLength: 64 })
  @IsString()
  @MinLength(6)
  @MaxLength(64)
  email!: string;

  @ApiProperty({ example: 'Audit', minLength: 1, maxLength: 50 })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  accountName!: string;

  @ApiPropertyOptional({ default: 'OrganizationAccountAccessRole', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  roleName?: string;

  @ApiPropertyOptional({ enum: ['ALLOW', 'DENY'], default: 'ALLOW' })
  @IsOptional()
  @IsIn(['ALLOW', 'DENY'])
  iamUserAccessToBilling?: IamUserAccessToBilling;
}
