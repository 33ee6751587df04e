import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { OrganizationsAwsRequest } from './organizations.aws-validation';

/** `NextToken` and `MaxResults` (1–20), shared by every Organizations listing. */
export class PageAwsRequest extends OrganizationsAwsRequest {
  @IsOptional()
  @IsString()
  @MaxLength(100000)
  NextToken?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  MaxResults?: number;
}
