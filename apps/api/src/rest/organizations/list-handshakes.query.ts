import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { OrganizationsPageQuery } from './organizations-page.query';

const ACTION_TYPES = [
  'INVITE',
  'ENABLE_ALL_FEATURES',
  'APPROVE_ALL_FEATURES',
  'ADD_ORGANIZATIONS_SERVICE_LINKED_ROLE',
];

export class ListHandshakesQuery extends OrganizationsPageQuery {
  @ApiPropertyOptional({ enum: ACTION_TYPES, description: 'Only handshakes of this action.' })
  @IsOptional()
  @IsIn(ACTION_TYPES)
  actionType?: string;
}
