import { ApiPropertyOptional } from '@nestjs/swagger';
import { defineOperation } from '@app/platform';
import { IsDate, IsOptional } from 'class-validator';
import { type ListPublicKeysInput, ListPublicKeysUseCase } from '../use-cases/list-public-keys.use-case';

export class ListPublicKeysRequest implements ListPublicKeysInput {
  @ApiPropertyOptional({ type: String, format: 'date-time' }) @IsOptional() @IsDate() startTime?: Date;
  @ApiPropertyOptional({ type: String, format: 'date-time' }) @IsOptional() @IsDate() endTime?: Date;
}

/** ListPublicKeys (cloudtrail.md §2.16, delivery.md §5): the called Region's digest signing keys. */
export const ListPublicKeys = defineOperation({
  service: 'cloudtrail',
  name: 'ListPublicKeys',
  readOnly: true,
  input: ListPublicKeysRequest,
  useCase: ListPublicKeysUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventResources: 'none',
  errors: ['InvalidTimeRangeException'],
});
