import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsIn, IsOptional } from 'class-validator';
import {
  CREATE_ACCOUNT_STATES,
  type CreateAccountState,
  type ListCreateAccountStatusInput,
} from '@app/organizations';
import { OrganizationsPageQuery } from './organizations-page.query';

export class ListCreateAccountStatusQuery
  extends OrganizationsPageQuery
  implements ListCreateAccountStatusInput
{
  @ApiPropertyOptional({
    description: 'Only these states: comma-separated or repeated (`states=FAILED,SUCCEEDED`).',
    enum: CREATE_ACCOUNT_STATES,
    isArray: true,
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',') : value))
  @IsArray()
  @IsIn(CREATE_ACCOUNT_STATES, { each: true })
  states?: CreateAccountState[];
}
