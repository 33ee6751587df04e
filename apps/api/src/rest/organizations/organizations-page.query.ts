import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { type PageInput } from '@app/organizations';

/** `?maxResults=1..20&nextToken=…` on every Organizations listing. */
export class OrganizationsPageQuery implements PageInput {
  @ApiPropertyOptional({ minimum: 1, maximum: 20, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  maxResults?: number;

  @ApiPropertyOptional({ description: 'The nextToken of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(100000)
  nextToken?: string;
}
