import { Injectable } from '@nestjs/common';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';

/**
 * Accounts' authorization generations (migration 1764000000009): bumped in the writing transaction
 * of every change that could alter a decision about the account. Authentication reads the caller's
 * with its credentials; this reads another account's, to version what is cached about it.
 */
@Injectable()
export class AuthorizationGenerationRepository {
  async of(em: EntityManager, accountId: string): Promise<number> {
    const { rows } = await sql<{ generation: string }>(
      em,
      `SELECT coalesce((SELECT generation FROM authorization_generations WHERE account_id = $1), 0) AS generation`,
      [accountId],
      { prepareAs: 'iam.authorization-generation' },
    );
    return Number(rows[0]?.generation ?? 0);
  }
}
