import { Body, Controller, Delete, Get, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type RequestContext } from '@app/platform';
import {
  type AccountRegion,
  LaunchRegionUseCase,
  ListAccountRegionsUseCase,
  ListPartitionRegionsUseCase,
  type Region,
  SetRegionOptInUseCase,
} from '@app/regions';
import { Operation } from '../../http/operation';
import { Ctx } from '../../http/request-context.decorator';
import { LaunchRegionRequest } from './launch-region.request';

@ApiTags('regions')
@Controller('v1')
export class RegionsController {
  constructor(
    private readonly launchRegion: LaunchRegionUseCase,
    private readonly listRegions: ListAccountRegionsUseCase,
    private readonly listCatalogue: ListPartitionRegionsUseCase,
    private readonly setOptIn: SetRegionOptInUseCase,
  ) {}

  /** The operator launches a Region in the partition. */
  @Post('regions')
  @Operation('trailplane', 'LaunchRegion', { readOnly: false })
  @ApiCreatedResponse({ description: '{ name, optIn }' })
  launch(@Ctx() ctx: RequestContext, @Body() body: LaunchRegionRequest): Promise<Region> {
    return this.launchRegion.execute(ctx, body);
  }

  /** The partition's catalogue: every Region and whether it is opt-in. */
  @Get('regions')
  @Operation('trailplane', 'ListPartitionRegions', { readOnly: true })
  @ApiOkResponse({ description: '{ regions: [{ name, optIn }] }' })
  async list(): Promise<{ regions: Region[] }> {
    return { regions: await this.listCatalogue.execute() };
  }

  @Get('account/regions')
  @Operation('account', 'ListRegions', { readOnly: true })
  @ApiOkResponse({ description: '{ regions: [{ regionName, regionOptStatus }] }' })
  async listForAccount(@Ctx() ctx: RequestContext): Promise<{ regions: AccountRegion[] }> {
    return { regions: await this.listRegions.execute(ctx) };
  }

  @Put('account/regions/:region')
  @Operation('account', 'EnableRegion', { readOnly: false })
  enable(@Ctx() ctx: RequestContext, @Param('region') region: string): Promise<AccountRegion> {
    return this.setOptIn.execute(ctx, { region, enabled: true });
  }

  @Delete('account/regions/:region')
  @Operation('account', 'DisableRegion', { readOnly: false })
  disable(@Ctx() ctx: RequestContext, @Param('region') region: string): Promise<AccountRegion> {
    return this.setOptIn.execute(ctx, { region, enabled: false });
  }
}
