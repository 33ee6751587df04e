import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { type ListDelegatedAdministratorsInput } from '@app/organizations';
import { OrganizationsPageQuery } from './organizations-page.query';

export class ListDelegatedAdministratorsQuery
  extends OrganizationsPageQuery
  implements ListDelegatedAdministratorsInput
{
  @ApiPropertyOptional({ example: 'cloudtrail.amazonaws.com', description: "Only this service's." })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  servicePrincipal?: string;
}
