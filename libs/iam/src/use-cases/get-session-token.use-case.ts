import { Injectable } from '@nestjs/common';
import { SessionRepository, type TemporaryCredentials } from '@app/identity';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { AccessDeniedError } from '../domain/iam.errors';
import { sessionTokenDurationSeconds } from '../domain/session-duration';

export interface GetSessionTokenInput {
  durationSeconds?: number;
}

export interface GetSessionTokenOutput {
  readonly credentials: TemporaryCredentials;
}

/**
 * STS GetSessionToken: temporary credentials that act as the IAM user or root user who signed with a
 * long-term key (so a browser can keep them instead of the key). The session is stored like a role
 * session (secret sealed, token hashed) and dies with its user. Session credentials cannot ask for
 * more, as in AWS.
 */
@Injectable()
export class GetSessionTokenUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly sessions: SessionRepository,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: GetSessionTokenInput): Promise<GetSessionTokenOutput> {
    const { principal } = ctx;
    if (principal.type === 'AssumedRole' || principal.accessKeyId.startsWith('ASIA')) {
      throw new AccessDeniedError('Cannot call GetSessionToken with session credentials');
    }
    const duration = sessionTokenDurationSeconds(input.durationSeconds, principal.type === 'Root');
    // Whole seconds, as AWS reports expirations.
    const now = new Date(Math.floor(this.clock.now().getTime() / 1000) * 1000);
    const credentials = await this.tx.run((em) =>
      this.sessions.create(em, {
        accountId: principal.accountId,
        userId: principal.type === 'IAMUser' ? principal.principalId : undefined,
        sessionName: principal.type === 'IAMUser' ? (principal.userName ?? principal.principalId) : 'root',
        sourceArn: principal.arn,
        createdAt: now,
        expiresAt: new Date(now.getTime() + duration * 1000),
      }),
    );
    return { credentials };
  }
}
