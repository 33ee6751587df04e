import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type SimulationAnswer,
  SimulateCustomPolicyUseCase,
  SimulatePrincipalPolicyUseCase,
  type SimulationResult,
} from '@app/iam';
import { type RequestContext } from '@app/platform';
import { Operation } from '../../http/operation';
import { Ctx } from '../../http/request-context.decorator';
import { SimulatePrincipalPolicyRequest } from './iam.requests';

/** The policy engine, asked directly: a case with inline policies, or a principal of the account. */
@ApiTags('iam')
@Controller('v1/iam')
export class IamSimulationController {
  constructor(
    private readonly simulateCustom: SimulateCustomPolicyUseCase,
    private readonly simulatePrincipal: SimulatePrincipalPolicyUseCase,
  ) {}

  /** Accepts exactly the `{ request, policies }` case format of iam.md §8; answers `{ decision, reason, message? }`. */
  @Post('simulate')
  @HttpCode(200)
  @Operation('iam', 'SimulateCustomPolicy', { readOnly: true })
  @ApiBody({ description: 'An iam.md §8 case: { request, policies }', schema: { type: 'object' } })
  @ApiOkResponse({ description: '{ decision: Allow | ImplicitDeny | ExplicitDeny, reason, message? }' })
  async simulate(@Body() body: Record<string, unknown>): Promise<SimulationAnswer> {
    return this.simulateCustom.execute(body);
  }

  /** Like SimulatePrincipalPolicy: a decision per (action, resource) pair for a user or role of the account. */
  @Post('simulate-principal')
  @HttpCode(200)
  @Operation('iam', 'SimulatePrincipalPolicy', { readOnly: true })
  @ApiOkResponse({ description: '{ results: [{ action, resource, decision, reason, error? }] }' })
  async simulatePrincipalPolicy(
    @Ctx() ctx: RequestContext,
    @Body() body: SimulatePrincipalPolicyRequest,
  ): Promise<{ results: SimulationResult[] }> {
    return { results: await this.simulatePrincipal.execute(ctx, body) };
  }
}
