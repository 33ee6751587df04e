import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsString, Length } from 'class-validator';
import { type LaunchRegionInput } from '@app/regions';

export class LaunchRegionRequest implements LaunchRegionInput {
  @ApiProperty({ example: 'xx-example-1' })
  @IsString()
  @Length(1, 64)
  name!: string;

  @ApiProperty({
    description: 'Opt-in Regions must be enabled per account; default ones are enabled everywhere.',
  })
  @IsBoolean()
  optIn!: boolean;
}
