import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { type CreateOrganizationalUnitInput } from '@app/organizations';

export class CreateOrganizationalUnitRequest implements CreateOrganizationalUnitInput {
  @ApiProperty({ description: 'The root (r-…) or an OU (ou-…-…).', example: 'r-ab12' })
  @IsString()
  @MaxLength(100)
  parentId!: string;

  @ApiProperty({ example: 'Security', minLength: 1, maxLength: 128 })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  name!: string;
}
