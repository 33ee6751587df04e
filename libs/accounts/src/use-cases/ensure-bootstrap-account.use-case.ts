import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { AccessKeyRepository } from '@app/identity';
import { advisoryLockKeys, Clock, EnvSchema, TransactionRunner } from '@app/platform';
import { AccountRepository } from '../persistence/account.repository';

export interface BootstrapCredentials {
  readonly accountId: string;
  readonly accessKeyId: string;
  /** Present only when generated on this start (shown once, also written to `file`). */
  readonly secretAccessKey?: string;
  readonly file?: string;
  readonly created: boolean;
}

/**
 * On start-up, makes sure the partition has its operator: the bootstrap account with root
 * credentials, taken from TRAILPLANE_BOOTSTRAP_* or generated once and saved to the data dir.
 */
@Injectable()
export class EnsureBootstrapAccountUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly accounts: AccountRepository,
    private readonly keys: AccessKeyRepository,
    private readonly env: EnvSchema,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<BootstrapCredentials> {
    return this.tx.run(async (em) => {
      await advisoryLockKeys(em, ['trailplane/bootstrap']);
      const now = this.clock.now();
      const given =
        this.env.TRAILPLANE_BOOTSTRAP_ACCESS_KEY_ID && this.env.TRAILPLANE_BOOTSTRAP_SECRET_ACCESS_KEY
          ? {
              accessKeyId: this.env.TRAILPLANE_BOOTSTRAP_ACCESS_KEY_ID,
              secretAccessKey: this.env.TRAILPLANE_BOOTSTRAP_SECRET_ACCESS_KEY,
            }
          : undefined;
      const existing = await this.accounts.findOperator(em);
      if (existing) {
        if (given && !(await this.keys.findActive(em, given.accessKeyId))) {
          await this.keys.create(em, { accountId: existing.id }, given, now);
        }
        return {
          accountId: existing.id,
          accessKeyId: given?.accessKeyId ?? '',
          created: false,
          file: this.file(),
        };
      }
      const account = await this.accounts.insert(
        em,
        {
          id: this.env.TRAILPLANE_BOOTSTRAP_ACCOUNT_ID,
          name: 'Trailplane operator',
          email: 'operator@trailplane.local',
          isOperator: true,
        },
        now,
      );
      const key = await this.keys.create(em, { accountId: account.id }, given, now);
      if (given) return { accountId: account.id, accessKeyId: key.accessKeyId, created: true };
      const credentials = {
        accountId: account.id,
        accessKeyId: key.accessKeyId,
        secretAccessKey: key.secretAccessKey,
      };
      const file = this.file();
      mkdirSync(this.env.TRAILPLANE_DATA_DIR, { recursive: true });
      writeFileSync(file, JSON.stringify(credentials, null, 2) + '\n', { mode: 0o600 });
      chmodSync(file, 0o600);
      return { ...credentials, file, created: true };
    });
  }

  private file(): string {
    return join(this.env.TRAILPLANE_DATA_DIR, 'bootstrap-credentials.json');
  }
}
