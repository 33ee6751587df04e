import { Controller, Get, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type CoverageReport, GetCoverage } from '@app/delivery';
import { type FastifyRequest } from 'fastify';
import { RestOperation, RestOperations } from '../rest-operations';
import { CoverageResponse } from './coverage.responses';

/** Trail coverage of accounts × Regions, for the console's matrix. */
@ApiTags('trails')
@Controller('v1')
export class CoverageController {
  constructor(private readonly rest: RestOperations) {}

  @Get('coverage')
  @RestOperation(GetCoverage, {
    summary: 'which trails cover each account in each Region',
    description:
      "Trailplane's own read, in one call: for a management account every account of its organization " +
      '(or of one root or OU subtree), for any other account itself, × every Region of the catalogue. ' +
      'Each cell says whether the Region is enabled, which trails have a replica there, the latest ' +
      'log file delivered there, and a status: `disabled`, `gap` (no trail), `failing` (a logging ' +
      'trail’s latest delivery attempt failed), `not-logging` or `covered`.',
    query: [
      { name: 'organizationalUnitId', required: false, description: 'Only accounts under this root or OU' },
      { name: 'trail', required: false, description: 'Only this trail (name or ARN)' },
    ],
  })
  @ApiOkResponse({ type: CoverageResponse })
  coverage(@Req() request: FastifyRequest): Promise<CoverageReport> {
    return this.rest.run(
      request,
      GetCoverage,
      ({ query }) => ({ organizationalUnitId: query.organizationalUnitId, trail: query.trail }),
      (report) => report,
    );
  }
}
