import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { type ListParentsInput } from '@app/organizations';
import { OrganizationsPageQuery } from './organizations-page.query';

export class ListParentsQuery extends OrganizationsPageQuery implements ListParentsInput {
  @ApiProperty({ description: 'An account id or an OU id.', example: '111122223333' })
  @IsString()
  @MaxLength(100)
  childId!: string;
}
