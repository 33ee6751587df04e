import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  SimulateCustomPolicy,
  SimulatePrincipalPolicy,
  type SimulationAnswer,
  type SimulationResult,
} from '@app/iam';
import { type FastifyRequest } from 'fastify';
import { RestOperation, RestOperations } from '../rest-operations';

/** The policy engine, asked directly: a case with inline policies, or a principal of the account. */
@ApiTags('iam')
@Controller('v1/iam')
export class IamSimulationController {
  constructor(private readonly rest: RestOperations) {}

  @Post('simulate')
  @HttpCode(200)
  @RestOperation(
    SimulateCustomPolicy,
    'Accepts exactly the `{ request, policies }` case format of the policy engine; answers `{ decision, reason, message? }`.',
  )
  @ApiOkResponse({ description: '{ decision: Allow | ImplicitDeny | ExplicitDeny, reason, message? }' })
  simulate(@Req() request: FastifyRequest): Promise<SimulationAnswer> {
    return this.rest.run(
      request,
      SimulateCustomPolicy,
      ({ body }) => body,
      (answer) => answer,
    );
  }

  @Post('simulate-principal')
  @HttpCode(200)
  @RestOperation(
    SimulatePrincipalPolicy,
    'Like IAM SimulatePrincipalPolicy: a decision per (action, resource) pair for a user or role of the account.',
  )
  @ApiOkResponse({ description: '{ results: [{ action, resource, decision, reason, error? }] }' })
  simulatePrincipal(@Req() request: FastifyRequest): Promise<{ results: SimulationResult[] }> {
    return this.rest.run(
      request,
      SimulatePrincipalPolicy,
      ({ body }) => body,
      (results) => ({ results }),
    );
  }
}
