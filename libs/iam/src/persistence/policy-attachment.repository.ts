import { Injectable } from '@nestjs/common';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { type PolicyHolder, type PrincipalKind } from '../domain/managed-policy';

/** The column of a policy row that names its user or role. */
export function holderColumn(kind: PrincipalKind): 'user_id' | 'role_id' {
  return kind === 'user' ? 'user_id' : 'role_id';
}

/** A managed policy attached to a user or role, as its listing needs it. */
export interface AttachmentRow {
  readonly policyId: string;
  readonly policyName: string;
  readonly policyPath: string;
  /** null for AWS managed policies. */
  readonly policyAccountId: string | null;
}

/** Managed policies attached to users and roles (unique per holder and policy). */
@Injectable()
export class PolicyAttachmentRepository {
  /** Attaches the policy; false when it already was attached (attaching is idempotent). */
  async attach(em: EntityManager, holder: PolicyHolder, policyId: string, at: Date): Promise<boolean> {
    const column = holderColumn(holder.kind);
    const { rowCount } = await sql(
      em,
      `INSERT INTO iam_policy_attachments (policy_id, account_id, ${column}, attached_at)
       SELECT $1, $2, $3, $4
        WHERE NOT EXISTS (SELECT 1 FROM iam_policy_attachments WHERE ${column} = $3 AND policy_id = $1)`,
      [policyId, holder.accountId, holder.id, at],
    );
    return rowCount === 1;
  }

  /** Detaches the policy; false when it was not attached. */
  async detach(em: EntityManager, holder: PolicyHolder, policyId: string): Promise<boolean> {
    const { rowCount } = await sql(
      em,
      `DELETE FROM iam_policy_attachments WHERE ${holderColumn(holder.kind)} = $1 AND policy_id = $2`,
      [holder.id, policyId],
    );
    return rowCount === 1;
  }

  async listForHolder(em: EntityManager, holder: PolicyHolder): Promise<AttachmentRow[]> {
    const { rows } = await sql<{ id: string; name: string; path: string; account_id: string | null }>(
      em,
      `SELECT p.id, p.name, p.path, p.account_id
         FROM iam_policy_attachments a JOIN iam_managed_policies p ON p.id = a.policy_id
        WHERE a.${holderColumn(holder.kind)} = $1
        ORDER BY lower(p.name), p.id`,
      [holder.id],
    );
    return rows.map((row) => ({
      policyId: row.id,
      policyName: row.name,
      policyPath: row.path,
      policyAccountId: row.account_id,
    }));
  }

  async countForHolder(em: EntityManager, holder: PolicyHolder): Promise<number> {
    const { rows } = await sql<{ n: number }>(
      em,
      `SELECT count(*)::int AS n FROM iam_policy_attachments WHERE ${holderColumn(holder.kind)} = $1`,
      [holder.id],
    );
    return rows[0].n;
  }
}
