import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { type MoveAccountInput } from '@app/organizations';

export class MoveAccountRequest implements Omit<MoveAccountInput, 'accountId'> {
  @ApiProperty({ description: "The account's current parent (root or OU).", example: 'r-ab12' })
  @IsString()
  @MaxLength(100)
  sourceParentId!: string;

  @ApiProperty({ description: 'The root or OU to move the account to.' })
  @IsString()
  @MaxLength(100)
  destinationParentId!: string;
}
