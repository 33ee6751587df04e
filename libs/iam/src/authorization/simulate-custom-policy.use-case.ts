import { Injectable } from '@nestjs/common';
import { accessDeniedMessage, evaluateCase, isDenied, MalformedPolicyError, PolicyCache } from '@app/policy';
import { MalformedPolicyDocumentError } from '../domain/iam.errors';
import { parseSimulationCase, type SimulationAnswer } from '../domain/simulation';

/**
 * `POST /v1/iam/simulate`: replays one iam.md §8 case (policies given inline, like IAM's
 * SimulateCustomPolicy) on the engine that decides real requests, with its reason.
 */
@Injectable()
export class SimulateCustomPolicyUseCase {
  constructor(private readonly cache: PolicyCache) {}

  async execute(body: unknown): Promise<SimulationAnswer> {
    const simulationCase = parseSimulationCase(body);
    try {
      const result = evaluateCase(simulationCase, this.cache);
      return isDenied(result)
        ? {
            decision: result.decision,
            reason: result.reason,
            message: accessDeniedMessage(simulationCase.request, result),
          }
        : { decision: result.decision, reason: result.reason };
    } catch (error) {
      if (error instanceof MalformedPolicyError) throw new MalformedPolicyDocumentError(error.message);
      throw error;
    }
  }
}
