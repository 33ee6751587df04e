import { Injectable } from '@nestjs/common';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { type AccountStatus, type JoinedMethod, type MemberRecord } from '../domain/organization';

const MEMBER_COLUMNS = `m.account_id, m.organization_id, m.parent_id, m.joined_method, m.joined_at, a.name, a.email, a.status`;

export interface MemberColumns {
  account_id: string;
  organization_id: string;
  parent_id: string;
  joined_method: JoinedMethod;
  joined_at: Date;
  name: string;
  email: string;
  status: AccountStatus;
}

export function toMemberRecord(row: MemberColumns): MemberRecord {
  return {
    accountId: row.account_id,
    organizationId: row.organization_id,
    parentId: row.parent_id,
    joinedMethod: row.joined_method,
    joinedAt: row.joined_at,
    name: row.name,
    email: row.email,
    status: row.status,
  };
}

export interface NewMembership {
  readonly accountId: string;
  readonly organizationId: string;
  readonly parentId: string;
  readonly joinedMethod: JoinedMethod;
  readonly joinedAt: Date;
}

export interface MemberListing {
  /** Only accounts directly under this root or OU. */
  readonly parentId?: string;
  /** Keyset: accounts after this id, in id order. */
  readonly afterAccountId?: string;
  readonly limit: number;
}

/** Organization membership (organization_accounts) with each member's account details. */
@Injectable()
export class OrganizationAccountRepository {
  /** Adds the member; false when the account already belongs to an organization. */
  async insert(em: EntityManager, membership: NewMembership): Promise<boolean> {
    const { rowCount } = await sql(
      em,
      `INSERT INTO organization_accounts (account_id, organization_id, parent_id, joined_method, joined_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (account_id) DO NOTHING`,
      [
        membership.accountId,
        membership.organizationId,
        membership.parentId,
        membership.joinedMethod,
        membership.joinedAt,
      ],
    );
    return rowCount === 1;
  }

  async findMember(
    em: EntityManager,
    organizationId: string,
    accountId: string,
  ): Promise<MemberRecord | undefined> {
    const { rows } = await sql<MemberColumns>(
      em,
      `SELECT ${MEMBER_COLUMNS} FROM organization_accounts m JOIN accounts a ON a.id = m.account_id
        WHERE m.organization_id = $1 AND m.account_id = $2`,
      [organizationId, accountId],
    );
    return rows[0] ? toMemberRecord(rows[0]) : undefined;
  }

  async list(em: EntityManager, organizationId: string, listing: MemberListing): Promise<MemberRecord[]> {
    const { rows } = await sql<MemberColumns>(
      em,
      `SELECT ${MEMBER_COLUMNS} FROM organization_accounts m JOIN accounts a ON a.id = m.account_id
        WHERE m.organization_id = $1
          AND ($2::text IS NULL OR m.parent_id = $2::text)
          AND ($3::text IS NULL OR m.account_id > $3::text)
        ORDER BY m.account_id
        LIMIT $4`,
      [organizationId, listing.parentId ?? null, listing.afterAccountId ?? null, listing.limit],
    );
    return rows.map(toMemberRecord);
  }

  async count(em: EntityManager, organizationId: string): Promise<number> {
    const { rows } = await sql<{ n: number }>(
      em,
      `SELECT count(*)::int AS n FROM organization_accounts WHERE organization_id = $1`,
      [organizationId],
    );
    return rows[0]?.n ?? 0;
  }

  async move(em: EntityManager, accountId: string, parentId: string): Promise<void> {
    await sql(em, `UPDATE organization_accounts SET parent_id = $2 WHERE account_id = $1`, [
      accountId,
      parentId,
    ]);
  }

  /** Removes the member; false when it was not one. */
  async remove(em: EntityManager, organizationId: string, accountId: string): Promise<boolean> {
    const { rowCount } = await sql(
      em,
      `DELETE FROM organization_accounts WHERE organization_id = $1 AND account_id = $2`,
      [organizationId, accountId],
    );
    return rowCount === 1;
  }
}
