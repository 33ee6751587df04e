import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/* REST answers of the policy simulations: the engine's decision and the reason it gives. */

const DECISIONS = ['Allow', 'ImplicitDeny', 'ExplicitDeny'];

export class DecisionReasonResponse {
  @ApiProperty({
    enum: ['identity', 'scp', 'resource', 'root-user'],
    description: 'Which gate decided: identity policies, an SCP level, the resource rule or the root rule',
  })
  kind!: string;
  @ApiPropertyOptional({ description: 'The policy whose statement decided' }) policyName?: string;
  @ApiPropertyOptional({ description: 'Zero-based position of the deciding statement in its policy' })
  statementIndex?: number;
  @ApiPropertyOptional() sid?: string;
  @ApiPropertyOptional({ description: 'Zero-based level of the SCP path (root first) that allowed nothing' })
  scpLevel?: number;
  @ApiProperty() message!: string;
}

export class SimulationAnswerResponse {
  @ApiProperty({ enum: DECISIONS }) decision!: string;
  @ApiProperty({ type: DecisionReasonResponse }) reason!: DecisionReasonResponse;
  @ApiPropertyOptional({ description: 'The AccessDenied message AWS would send, for denials' })
  message?: string;
}

export class SimulatedErrorResponse {
  @ApiProperty({ example: 'AccessDeniedException' }) code!: string;
  @ApiProperty() message!: string;
}

export class SimulationResultResponse {
  @ApiProperty({ example: 'cloudtrail:GetTrail' }) action!: string;
  @ApiProperty({ example: '*' }) resource!: string;
  @ApiProperty({ enum: DECISIONS }) decision!: string;
  @ApiProperty({ type: DecisionReasonResponse }) reason!: DecisionReasonResponse;
  @ApiPropertyOptional({
    type: SimulatedErrorResponse,
    description: 'The error the call would answer, when denied',
  })
  error?: SimulatedErrorResponse;
}

export class SimulationResultListResponse {
  @ApiProperty({ type: [SimulationResultResponse] }) results!: SimulationResultResponse[];
}
