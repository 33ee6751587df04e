import { Injectable } from '@nestjs/common';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import {
  type CreateAccountFailureReason,
  type CreateAccountRequestRecord,
  type CreateAccountState,
  type IamUserAccessToBilling,
} from '../domain/create-account';
import { type TimeKey } from './time-key';

const COLUMNS = `id, organization_id, account_name, email, role_name, iam_user_access_to_billing, tags, state,
  failure_reason, account_id, requested_at, completed_at`;

interface CreateAccountRequestColumns {
  id: string;
  organization_id: string;
  account_name: string;
  email: string;
  role_name: string;
  iam_user_access_to_billing: IamUserAccessToBilling;
  tags: { key: string; value: string }[];
  state: CreateAccountState;
  failure_reason: CreateAccountFailureReason | null;
  account_id: string | null;
  requested_at: Date;
  completed_at: Date | null;
}

function toRecord(row: CreateAccountRequestColumns): CreateAccountRequestRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    accountName: row.account_name,
    email: row.email,
    roleName: row.role_name,
    iamUserAccessToBilling: row.iam_user_access_to_billing,
    tags: row.tags,
    state: row.state,
    ...(row.failure_reason === null ? {} : { failureReason: row.failure_reason }),
    ...(row.account_id === null ? {} : { accountId: row.account_id }),
    requestedAt: row.requested_at,
    ...(row.completed_at === null ? {} : { completedAt: row.completed_at }),
  };
}

export type CreateAccountOutcome =
  | { readonly state: 'SUCCEEDED'; readonly accountId: string }
  | { readonly state: 'FAILED'; readonly failureReason: CreateAccountFailureReason };

@Injectable()
export class CreateAccountRequestRepository {
  async insert(em: EntityManager, request: CreateAccountRequestRecord): Promise<void> {
    await sql(
      em,
      `INSERT INTO create_account_requests
              (id, organization_id, account_name, email, role_name, iam_user_access_to_billing, tags, state, requested_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)`,
      [
        request.id,
        request.organizationId,
        request.accountName,
        request.email,
        request.roleName,
        request.iamUserAccessToBilling,
        JSON.stringify(request.tags.map((tag) => ({ key: tag.key, value: tag.value }))),
        request.state,
        request.requestedAt,
      ],
    );
  }

  /** `forUpdate` locks the row until the transaction ends (the job's idempotency check). */
  async find(
    em: EntityManager,
    id: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<CreateAccountRequestRecord | undefined> {
    const { rows } = await sql<CreateAccountRequestColumns>(
      em,
      `SELECT ${COLUMNS} FROM create_account_requests WHERE id = $1${options.forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /** Records the outcome of a request still in progress. */
  async finish(em: EntityManager, id: string, outcome: CreateAccountOutcome, at: Date): Promise<void> {
    await sql(
      em,
      `UPDATE create_account_requests
          SET state = $2, account_id = $3, failure_reason = $4, completed_at = $5
        WHERE id = $1 AND state = 'IN_PROGRESS'`,
      [
        id,
        outcome.state,
        outcome.state === 'SUCCEEDED' ? outcome.accountId : null,
        outcome.state === 'FAILED' ? outcome.failureReason : null,
        at,
      ],
    );
  }

  /** The organization's requests, newest first. */
  async list(
    em: EntityManager,
    organizationId: string,
    page: { states?: readonly CreateAccountState[]; after?: TimeKey; limit: number },
  ): Promise<CreateAccountRequestRecord[]> {
    const { rows } = await sql<CreateAccountRequestColumns>(
      em,
      `SELECT ${COLUMNS} FROM create_account_requests
        WHERE organization_id = $1
          AND ($2::text[] IS NULL OR state = ANY($2::text[]))
          AND ($3::timestamptz IS NULL OR (requested_at, id) < ($3::timestamptz, $4::text))
        ORDER BY requested_at DESC, id DESC
        LIMIT $5`,
      [organizationId, page.states ?? null, page.after?.at ?? null, page.after?.id ?? null, page.limit],
    );
    return rows.map(toRecord);
  }
}
