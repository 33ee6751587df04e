import { ApiProperty } from '@nestjs/swagger';
import { defineOperation, NoMembers, type OperationScope, type ResourceRef } from '@app/platform';
import { IsBoolean, IsString, Length, MaxLength } from 'class-validator';
import { type LaunchRegionInput } from '../use-cases/launch-region.use-case';
import { LaunchRegionUseCase } from '../use-cases/launch-region.use-case';
import { ListAccountRegionsUseCase } from '../use-cases/list-account-regions.use-case';
import { ListPartitionRegionsUseCase } from '../use-cases/list-partition-regions.use-case';
import { SetRegionOptInUseCase } from '../use-cases/set-region-opt-in.use-case';

export class LaunchRegionRequest implements LaunchRegionInput {
  @ApiProperty({ example: 'xx-example-1' }) @IsString() @Length(1, 64) name!: string;
  @ApiProperty({
    description: 'Opt-in Regions must be enabled per account; default ones are enabled everywhere.',
  })
  @IsBoolean()
  optIn!: boolean;
}

export class RegionNameRequest {
  @ApiProperty({ example: 'ap-east-1' }) @IsString() @MaxLength(64) regionName!: string;
}

/** The caller's account, as the Account Management API names it. */
function callerAccount(scope: OperationScope): ResourceRef[] {
  return [{ arn: `arn:${scope.partition}:account::${scope.accountId}:account`, account: scope.accountId }];
}

/** The partition operator launches a Region in the partition. */
export const LaunchRegion = defineOperation({
  service: 'trailplane',
  name: 'LaunchRegion',
  readOnly: false,
  input: LaunchRegionRequest,
  useCase: LaunchRegionUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  responseElements: (region) => ({ ...region }),
  errors: ['AccessDeniedException', 'InvalidRegionNameException', 'RegionAlreadyExistsException'],
});

/** The partition's catalogue: every Region and whether it is opt-in. */
export const ListPartitionRegions = defineOperation({
  service: 'trailplane',
  name: 'ListPartitionRegions',
  readOnly: true,
  input: NoMembers,
  useCase: ListPartitionRegionsUseCase,
  run: (useCase) => useCase.execute(),
});

/** Account Management's ListRegions: the caller's Regions with their opt-in status. */
export const ListRegions = defineOperation({
  service: 'account',
  name: 'ListRegions',
  readOnly: true,
  input: NoMembers,
  resources: (_input, scope) => callerAccount(scope),
  useCase: ListAccountRegionsUseCase,
  run: (useCase, ctx) => useCase.execute(ctx),
  eventResources: 'none',
});

export const EnableRegion = defineOperation({
  service: 'account',
  name: 'EnableRegion',
  readOnly: false,
  input: RegionNameRequest,
  resources: (_input, scope) => callerAccount(scope),
  useCase: SetRegionOptInUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, { region: input.regionName, enabled: true }),
  responseElements: (region) => ({ ...region }),
  // A Region enabled by default cannot be enabled or disabled (ValidationException).
  errors: ['RegionNotFoundException', 'ValidationException'],
});

export const DisableRegion = defineOperation({
  ...EnableRegion,
  name: 'DisableRegion',
  run: (useCase, ctx, input) => useCase.execute(ctx, { region: input.regionName, enabled: false }),
});
