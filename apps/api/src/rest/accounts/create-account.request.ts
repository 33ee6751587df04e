import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length } from 'class-validator';
import { type AccountDetails } from '@app/accounts';

export class CreateAccountRequest implements AccountDetails {
  @ApiProperty({ example: 'Audit', minLength: 1, maxLength: 50 })
  @IsString()
  @Length(1, 50)
  name!: string;

  @ApiProperty({ example: 'audit@example.com', minLength: 6, maxLength: 64 })
  @IsString()
  @Length(6, 64)
  @IsEmail()
  email!: string;
}
