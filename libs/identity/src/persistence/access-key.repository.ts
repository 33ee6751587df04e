import { Injectable } from '@nestjs/common';
import { randomAwsId, randomSecretAccessKey, SecretBox, sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { AccessKeyEntity } from './access-key.entity';

export interface NewAccessKey {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly createdAt: Date;
}

/** What authentication needs to know about a long-term access key and its owner. */
export interface AccessKeyOwner {
  readonly accessKeyId: string;
  readonly accountId: string;
  readonly principalKind: 'root' | 'user';
  readonly userName: string | null;
  readonly secretAccessKey: string;
  readonly accountActive: boolean;
  readonly isOperatorAccount: boolean;
}

/** Long-term access keys (`AKIA…`) of root users and IAM users; secrets sealed at rest. */
@Injectable()
export class AccessKeyRepository {
  constructor(private readonly secrets: SecretBox) {}

  async create(
    em: EntityManager,
    owner: { accountId: string; userName?: string },
    given?: { accessKeyId: string; secretAccessKey: string },
    at: Date = new Date(),
  ): Promise<NewAccessKey> {
    const accessKeyId = given?.accessKeyId ?? randomAwsId('AKIA');
    const secretAccessKey = given?.secretAccessKey ?? randomSecretAccessKey();
    await em.insert(AccessKeyEntity, {
      id: accessKeyId,
      accountId: owner.accountId,
      principalKind: owner.userName === undefined ? 'root' : 'user',
      userName: owner.userName ?? null,
      secretSealed: this.secrets.seal(secretAccessKey),
      status: 'Active',
      createdAt: at,
    });
    return { accessKeyId, secretAccessKey, createdAt: at };
  }

  async findActive(em: EntityManager, accessKeyId: string): Promise<AccessKeyOwner | undefined> {
    const { rows } = await sql<{
      id: string;
      account_id: string;
      principal_kind: 'root' | 'user';
      user_name: string | null;
      secret_sealed: string;
      account_status: string;
      is_operator: boolean;
    }>(
      em,
      `SELECT k.id, k.account_id, k.principal_kind, k.user_name, k.secret_sealed, a.status AS account_status, a.is_operator
         FROM access_keys k JOIN accounts a ON a.id = k.account_id
        WHERE k.id = $1 AND k.status = 'Active'`,
      [accessKeyId],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      accessKeyId: row.id,
      accountId: row.account_id,
      principalKind: row.principal_kind,
      userName: row.user_name,
      secretAccessKey: this.secrets.open(row.secret_sealed),
      accountActive: row.account_status === 'ACTIVE',
      isOperatorAccount: row.is_operator,
    };
  }
}
