import { Transform } from 'class-transformer';
import { IsEmpty, IsInt, IsOptional, IsString, Length } from 'class-validator';

/** Query-protocol members arrive as text: whole numbers become numbers, anything else stays for validation. */
const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;

const UNSUPPORTED = { message: '$property is not supported by Trailplane STS' };

/** STS AssumeRole (form members, as the AWS CLI and SDKs send them). */
export class AssumeRoleAwsRequest {
  @IsString() @Length(20, 2048) RoleArn!: string;
  @IsString() @Length(2, 64) RoleSessionName!: string;
  @IsOptional() @Transform(toInt) @IsInt() DurationSeconds?: number;
  @IsOptional() @IsString() @Length(2, 1224) ExternalId?: string;
  // Session policies, session tags and MFA would change what the session may do: refused, never ignored.
  @IsEmpty(UNSUPPORTED) Policy?: string;
  @IsEmpty(UNSUPPORTED) 'PolicyArns.member.1.arn'?: string;
  @IsEmpty(UNSUPPORTED) 'Tags.member.1.Key'?: string;
  @IsEmpty(UNSUPPORTED) 'TransitiveTagKeys.member.1'?: string;
  @IsEmpty(UNSUPPORTED) SerialNumber?: string;
  @IsEmpty(UNSUPPORTED) TokenCode?: string;
}
