import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { listOf, stringsOf } from '@app/platform';
import {
  ArrayMinSize,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ORGANIZATIONS_PATTERNS as P } from './organization-patterns';
import {
  DescribeOrganizationalUnitRequest,
  OrganizationsPageRequest,
  OrganizationsTag,
} from './organization.requests';

/* The members of the operations that reshape the tree and tag its resources (model names, camelCase). */

/** The model's `TaggableResourceId`: an account, an OU, the root or a policy. */
const TAGGABLE_RESOURCE_ID =
  /^(r-[0-9a-z]{4,32}|\d{12}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|p-[0-9a-zA-Z_]{8,128})$/;

export class UpdateOrganizationalUnitRequest extends DescribeOrganizationalUnitRequest {
  @ApiPropertyOptional({ example: 'Security', description: 'The new name; absent leaves it unchanged' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  name?: string;
}

export class ListChildrenRequest extends OrganizationsPageRequest {
  @ApiProperty({ example: 'r-ab12' })
  @IsDefined()
  @IsString()
  @MaxLength(100)
  @Matches(P.parentId)
  parentId!: string;
  @ApiProperty({ enum: ['ACCOUNT', 'ORGANIZATIONAL_UNIT'] })
  @IsDefined()
  @IsIn(['ACCOUNT', 'ORGANIZATIONAL_UNIT'])
  childType!: string;
}

export class TaggableResourceRequest {
  @ApiProperty({ example: '111122223333', description: 'An account, an OU, the root or a policy' })
  @IsDefined()
  @IsString()
  @MaxLength(130)
  @Matches(TAGGABLE_RESOURCE_ID)
  resourceId!: string;
}

export class TagResourceRequest extends TaggableResourceRequest {
  @ApiProperty({ type: [OrganizationsTag] })
  @IsDefined()
  @listOf(() => OrganizationsTag, 200)
  tags!: OrganizationsTag[];
}

export class UntagResourceRequest extends TaggableResourceRequest {
  @ApiProperty({ type: [String], example: ['team'] })
  @IsDefined()
  @ArrayMinSize(1)
  @stringsOf(200, 128)
  tagKeys!: string[];
}

export class ListTagsForResourceRequest extends TaggableResourceRequest {
  @ApiPropertyOptional({ description: 'The nextToken of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(100000)
  nextToken?: string;
}
