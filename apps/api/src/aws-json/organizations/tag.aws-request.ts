import { IsDefined, IsString, MaxLength, MinLength } from 'class-validator';

/** The model's `Tag {Key, Value}`; accepted and checked, not stored (tags are not modelled yet). */
export class TagAwsRequest {
  @IsDefined()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  Key!: string;

  @IsDefined()
  @IsString()
  @MaxLength(256)
  Value!: string;
}
