import { Injectable } from '@nestjs/common';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import {
  type HandshakeAction,
  type HandshakeRecord,
  type HandshakeState,
  type InviteTargetType,
} from '../domain/handshake';
import { type OrganizationRecord } from '../domain/organization';
import {
  ORGANIZATION_COLUMNS,
  ORGANIZATION_JOIN,
  type OrganizationColumns,
  toOrganizationRecord,
} from './organization.repository';
import { type TimeKey } from './time-key';

const HANDSHAKE_COLUMNS = `h.id, h.organization_id, h.action, h.state, h.target_account_id, h.target_type,
  h.target_email, h.notes, h.tags, h.requested_at, h.expires_at`;

interface HandshakeColumns extends OrganizationColumns {
  id: string;
  organization_id: string;
  action: HandshakeAction;
  state: HandshakeState;
  target_account_id: string;
  target_type: InviteTargetType;
  target_email: string | null;
  notes: string | null;
  tags: { key: string; value: string }[];
  requested_at: Date;
  expires_at: Date;
}

/** A handshake with the organization that sent it (its ARN and resources name the management account). */
export interface SentHandshake {
  readonly handshake: HandshakeRecord;
  readonly organization: OrganizationRecord;
}

function toSentHandshake(row: HandshakeColumns): SentHandshake {
  return {
    handshake: {
      id: row.id,
      organizationId: row.organization_id,
      action: row.action,
      state: row.state,
      targetAccountId: row.target_account_id,
      targetType: row.target_type,
      ...(row.target_email === null ? {} : { targetEmail: row.target_email }),
      ...(row.notes === null ? {} : { notes: row.notes }),
      ...(row.tags.length === 0 ? {} : { tags: row.tags }),
      requestedAt: row.requested_at,
      expiresAt: row.expires_at,
    },
    organization: toOrganizationRecord(row),
  };
}

const SELECT_SENT = `SELECT ${HANDSHAKE_COLUMNS}, ${ORGANIZATION_COLUMNS}
  FROM handshakes h JOIN organizations o ON o.id = h.organization_id ${ORGANIZATION_JOIN}`;

@Injectable()
export class HandshakeRepository {
  /**
   * Inserts the handshake; false when the organization already has an open handshake with the
   * same target account (uq_handshakes_open_invite), which settles concurrent invitations.
   */
  async insert(em: EntityManager, handshake: HandshakeRecord): Promise<boolean> {
    const { rowCount } = await sql(
      em,
      `INSERT INTO handshakes (id, organization_id, action, state, target_account_id, target_type, target_email,
                               notes, tags, requested_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11)
       ON CONFLICT (organization_id, target_account_id) WHERE state = 'OPEN' DO NOTHING`,
      [
        handshake.id,
        handshake.organizationId,
        handshake.action,
        handshake.state,
        handshake.targetAccountId,
        handshake.targetType,
        handshake.targetEmail ?? null,
        handshake.notes ?? null,
        JSON.stringify((handshake.tags ?? []).map((tag) => ({ key: tag.key, value: tag.value }))),
        handshake.requestedAt,
        handshake.expiresAt,
      ],
    );
    return rowCount === 1;
  }

  /** `forUpdate` locks the handshake row so that concurrent responses to it queue up. */
  async find(
    em: EntityManager,
    id: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<SentHandshake | undefined> {
    const { rows } = await sql<HandshakeColumns>(
      em,
      `${SELECT_SENT} WHERE h.id = $1${options.forUpdate ? ' FOR UPDATE OF h' : ''}`,
      [id],
    );
    return rows[0] ? toSentHandshake(rows[0]) : undefined;
  }

  async setState(em: EntityManager, id: string, state: HandshakeState): Promise<void> {
    await sql(em, `UPDATE handshakes SET state = $2 WHERE id = $1`, [id, state]);
  }

  /** Marks the organization's lapsed open handshakes with the account EXPIRED, freeing the open-invite slot. */
  async expireLapsed(
    em: EntityManager,
    organizationId: string,
    targetAccountId: string,
    now: Date,
  ): Promise<void> {
    await sql(
      em,
      `UPDATE handshakes SET state = 'EXPIRED'
        WHERE organization_id = $1 AND target_account_id = $2 AND state = 'OPEN' AND expires_at <= $3`,
      [organizationId, targetAccountId, now],
    );
  }

  /** Handshakes sent to the account, newest first. */
  async listForAccount(
    em: EntityManager,
    accountId: string,
    page: { action?: string; after?: TimeKey; limit: number },
  ): Promise<SentHandshake[]> {
    const { rows } = await sql<HandshakeColumns>(
      em,
      `${SELECT_SENT}
        WHERE h.target_account_id = $1
          AND ($2::text IS NULL OR h.action = $2::text)
          AND ($3::timestamptz IS NULL OR (h.requested_at, h.id) < ($3::timestamptz, $4::text))
        ORDER BY h.requested_at DESC, h.id DESC
        LIMIT $5`,
      [accountId, page.action ?? null, page.after?.at ?? null, page.after?.id ?? null, page.limit],
    );
    return rows.map(toSentHandshake);
  }
}
