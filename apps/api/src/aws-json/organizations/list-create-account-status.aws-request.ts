import { IsArray, IsIn, IsOptional } from 'class-validator';
import { CREATE_ACCOUNT_STATES, type CreateAccountState } from '@app/organizations';
import { PageAwsRequest } from './page.aws-request';

export class ListCreateAccountStatusAwsRequest extends PageAwsRequest {
  @IsOptional()
  @IsArray()
  @IsIn(CREATE_ACCOUNT_STATES, { each: true })
  States?: CreateAccountState[];
}
