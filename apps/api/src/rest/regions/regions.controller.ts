import { Controller, Delete, Get, Post, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type AccountRegion,
  DisableRegion,
  EnableRegion,
  LaunchRegion,
  ListPartitionRegions,
  ListRegions,
  type Region,
} from '@app/regions';
import { type FastifyRequest } from 'fastify';
import { RestOperation, RestOperations } from '../rest-operations';

const same = <T>(value: T): T => value;

@ApiTags('regions')
@Controller('v1')
export class RegionsController {
  constructor(private readonly rest: RestOperations) {}

  @Post('regions')
  @RestOperation(
    LaunchRegion,
    'The partition operator launches a Region (409 `RegionAlreadyExistsException`).',
  )
  launch(@Req() request: FastifyRequest): Promise<Region> {
    return this.rest.run(request, LaunchRegion, ({ body }) => body, same);
  }

  @Get('regions')
  @RestOperation(ListPartitionRegions, "The partition's catalogue: every Region and whether it is opt-in.")
  list(@Req() request: FastifyRequest): Promise<{ regions: Region[] }> {
    return this.rest.run(
      request,
      ListPartitionRegions,
      () => ({}),
      (regions) => ({ regions }),
    );
  }

  @Get('account/regions')
  @RestOperation(ListRegions, "The caller's Regions with their `regionOptStatus`.")
  listForAccount(@Req() request: FastifyRequest): Promise<{ regions: AccountRegion[] }> {
    return this.rest.run(
      request,
      ListRegions,
      () => ({}),
      (regions) => ({ regions }),
    );
  }

  @Put('account/regions/:region')
  @RestOperation(EnableRegion, 'Enables an opt-in Region for the caller’s account.')
  enable(@Req() request: FastifyRequest): Promise<AccountRegion> {
    return this.rest.run(request, EnableRegion, ({ params }) => ({ regionName: params.region }), same);
  }

  @Delete('account/regions/:region')
  @RestOperation(DisableRegion, 'Disables an opt-in Region for the caller’s account.')
  disable(@Req() request: FastifyRequest): Promise<AccountRegion> {
    return this.rest.run(request, DisableRegion, ({ params }) => ({ regionName: params.region }), same);
  }
}
