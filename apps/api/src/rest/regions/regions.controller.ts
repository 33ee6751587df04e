import { Controller, Delete, Get, Post, Put, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DisableRegion, EnableRegion, LaunchRegion, ListPartitionRegions, ListRegions } from '@app/regions';
import { type FastifyRequest } from 'fastify';
import { RestOperation, RestOperations } from '../rest-operations';
import {
  AccountRegionListResponse,
  AccountRegionResponse,
  RegionListResponse,
  RegionResponse,
} from './region.responses';

const same = <T>(value: T): T => value;
const REGION_PATH = { region: 'An opt-in Region of the partition, e.g. `ap-east-1`' };

@ApiTags('regions')
@Controller('v1')
export class RegionsController {
  constructor(private readonly rest: RestOperations) {}

  @Post('regions')
  @RestOperation(LaunchRegion, {
    summary: 'launch a Region in the partition',
    description:
      'Adds a Region to the partition at run time. Only the partition operator may call it. A default ' +
      'Region (`optIn: false`) is enabled for every account at once, and existing multi-Region trails ' +
      'get their replicas there; an opt-in Region must be enabled per account. The name has the AWS ' +
      'form (`eu-west-1`); launching an existing Region is a conflict.',
    body: {},
  })
  @ApiCreatedResponse({ type: RegionResponse, description: 'The Region launched' })
  launch(@Req() request: FastifyRequest): Promise<RegionResponse> {
    return this.rest.run(request, LaunchRegion, ({ body }) => body, same);
  }

  @Get('regions')
  @RestOperation(ListPartitionRegions, {
    summary: "list the partition's Regions",
    description: "The partition's catalogue: every Region and whether it is opt-in. Any caller may list it.",
  })
  @ApiOkResponse({ type: RegionListResponse })
  list(@Req() request: FastifyRequest): Promise<RegionListResponse> {
    return this.rest.run(
      request,
      ListPartitionRegions,
      () => ({}),
      (regions) => ({ regions }),
    );
  }

  @Get('account/regions')
  @RestOperation(ListRegions, {
    summary: "list the caller's Regions",
    description:
      "Account Management's ListRegions: every Region of the partition with its status for the caller's " +
      'account (`ENABLED_BY_DEFAULT`, or `ENABLED` / `DISABLED` for opt-in Regions).',
  })
  @ApiOkResponse({ type: AccountRegionListResponse })
  listForAccount(@Req() request: FastifyRequest): Promise<AccountRegionListResponse> {
    return this.rest.run(
      request,
      ListRegions,
      () => ({}),
      (regions) => ({ regions }),
    );
  }

  @Put('account/regions/:region')
  @RestOperation(EnableRegion, {
    summary: "enable an opt-in Region for the caller's account",
    description:
      "Enables an opt-in Region for the caller's account: requests signed for it are accepted from then " +
      'on, and its trails replicate there. Regions enabled by default cannot be enabled or disabled ' +
      '(ValidationException).',
    path: REGION_PATH,
  })
  @ApiOkResponse({ type: AccountRegionResponse, description: 'The Region and its new status' })
  enable(@Req() request: FastifyRequest): Promise<AccountRegionResponse> {
    return this.rest.run(request, EnableRegion, ({ params }) => ({ regionName: params.region }), same);
  }

  @Delete('account/regions/:region')
  @RestOperation(DisableRegion, {
    summary: "disable an opt-in Region for the caller's account",
    description:
      "Disables an opt-in Region for the caller's account: requests signed for it are refused from then " +
      'on. Regions enabled by default cannot be enabled or disabled (ValidationException).',
    path: REGION_PATH,
  })
  @ApiOkResponse({ type: AccountRegionResponse, description: 'The Region and its new status' })
  disable(@Req() request: FastifyRequest): Promise<AccountRegionResponse> {
    return this.rest.run(request, DisableRegion, ({ params }) => ({ regionName: params.region }), same);
  }
}
