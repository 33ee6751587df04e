import { Injectable } from '@nestjs/common';
import { SessionRepository } from '@app/identity';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { assumedRoleArn, parseIamArn } from '../domain/iam-arns';
import { AccessDeniedError, IamValidationError } from '../domain/iam.errors';
import { assertRoleSessionName } from '../domain/iam-names';
import { sessionDurationSeconds } from '../domain/session-duration';
import { IamRoleRepository } from '../persistence/iam-role.repository';

export interface AssumeRoleInput {
  roleArn: string;
  roleSessionName: string;
  durationSeconds?: number;
}

export interface AssumeRoleOutput {
  readonly credentials: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken: string;
    readonly expiration: Date;
  };
  readonly assumedRoleUser: { readonly assumedRoleId: string; readonly arn: string };
}

/**
 * STS AssumeRole. Whether the caller may assume the role (its identity policy and the role's trust
 * policy, SCPs too) is decided by the authorizer before this runs; here the role is found, the
 * lifetime checked (900–43,200 s, within the role's MaxSessionDuration, one hour for role chaining)
 * and the session stored: its secret sealed, its token hashed. Root users may not assume roles.
 */
@Injectable()
export class AssumeRoleUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly roles: IamRoleRepository,
    private readonly sessions: SessionRepository,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: AssumeRoleInput): Promise<AssumeRoleOutput> {
    if (ctx.principal.type === 'Root')
      throw new AccessDeniedError('Roles may not be assumed by root accounts.');
    assertRoleSessionName(input.roleSessionName);
    const parts = parseIamArn(input.roleArn, ctx.partition);
    if (!parts || parts.type !== 'role') {
      throw new IamValidationError(`${input.roleArn.slice(0, 200)} is not a valid role ARN.`);
    }
    return this.tx.run(async (em) => {
      const role = await this.roles.findByName(em, parts.account, parts.name);
      if (!role || role.path !== parts.path) {
        throw new AccessDeniedError(
          `User: ${ctx.principal.arn} is not authorized to perform: sts:AssumeRole on resource: ${input.roleArn}`,
        );
      }
      const duration = sessionDurationSeconds(
        input.durationSeconds,
        role.maxSessionSeconds,
        ctx.principal.type === 'AssumedRole',
      );
      // Whole seconds, as AWS reports expirations.
      const now = new Date(Math.floor(this.clock.now().getTime() / 1000) * 1000);
      const credentials = await this.sessions.create(em, {
        accountId: role.accountId,
        roleId: role.id,
        sessionName: input.roleSessionName,
        sourceArn: ctx.principal.arn,
        createdAt: now,
        expiresAt: new Date(now.getTime() + duration * 1000),
      });
      return {
        credentials,
        assumedRoleUser: {
          assumedRoleId: `${role.id}:${input.roleSessionName}`,
          arn: assumedRoleArn(ctx.partition, role.accountId, role.name, input.roleSessionName),
        },
      };
    });
  }
}
