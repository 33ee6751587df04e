import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SimulateCustomPolicy, SimulatePrincipalPolicy } from '@app/iam';
import { type FastifyRequest } from 'fastify';
import { RestOperation, RestOperations } from '../rest-operations';
import { SimulationAnswerResponse, SimulationResultListResponse } from './simulation.responses';

/** The policy engine, asked directly: a case with inline policies, or a principal of the account. */
@ApiTags('iam')
@Controller('v1/iam')
export class IamSimulationController {
  constructor(private readonly rest: RestOperations) {}

  @Post('simulate')
  @HttpCode(200)
  @RestOperation(SimulateCustomPolicy, {
    summary: 'decide a request against policies given inline',
    description:
      'Replays one case on the engine that decides real requests: `request` is `{ principal, action, ' +
      'resource, context }`, `policies` is `{ identity, scpPath, resource }` (the identity policies, the ' +
      'SCPs of each level of the organization path, the resource rule). Answers the decision, the ' +
      'policy and statement that decided, and the AccessDenied message AWS would send.',
    body: {},
  })
  @ApiOkResponse({ type: SimulationAnswerResponse })
  simulate(@Req() request: FastifyRequest): Promise<SimulationAnswerResponse> {
    return this.rest.run(
      request,
      SimulateCustomPolicy,
      ({ body }) => body,
      (answer) => answer,
    );
  }

  @Post('simulate-principal')
  @HttpCode(200)
  @RestOperation(SimulatePrincipalPolicy, {
    summary: 'decide actions for a user or role of the account',
    description:
      "Like IAM's SimulatePrincipalPolicy: decides each (action, resource) pair — at most 1,000 — for a " +
      "user or role of the caller's account with everything its real requests would meet: its identity " +
      "policies, its account's SCP path and the resources' rules, in the caller's request context " +
      'unless `contextEntries` says otherwise.',
    body: {},
  })
  @ApiOkResponse({ type: SimulationResultListResponse })
  simulatePrincipal(@Req() request: FastifyRequest): Promise<SimulationResultListResponse> {
    return this.rest.run(
      request,
      SimulatePrincipalPolicy,
      ({ body }) => body,
      (results) => ({ results }),
    );
  }
}
