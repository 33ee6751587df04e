import { Injectable } from '@nestjs/common';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { type Tag } from '../domain/iam-names';
import { type PrincipalKind } from '../domain/managed-policy';
import { holderColumn } from './policy-attachment.repository';

/** One identity policy of a user or role as authorization compiles it. */
export interface IdentityPolicyDocument {
  /** Stable id for the compiled-policy cache: the managed policy id, or `<holder id>/<inline name>`. */
  readonly id: string;
  /** Changes whenever the document does: the default version id, or a hash of the inline document. */
  readonly version: string;
  readonly name: string;
  readonly document: string;
}

/** Everything about a user or role that decides its requests: its identity policies and tags. */
export interface HolderPolicies {
  readonly policies: readonly IdentityPolicyDocument[];
  readonly tags: readonly Tag[];
}

/**
 * Reads the identity policies of a user or role (inline, then attached managed policies at their
 * default version) in two statements, for the authorizer to compile and cache.
 */
@Injectable()
export class IdentityPolicyRepository {
  async forHolder(em: EntityManager, kind: PrincipalKind, id: string): Promise<HolderPolicies | undefined> {
    const column = holderColumn(kind);
    const table = kind === 'user' ? 'iam_users' : 'iam_roles';
    const { rows: holders } = await sql<{ tags: Tag[] }>(em, `SELECT tags FROM ${table} WHERE id = $1`, [id]);
    if (holders.length === 0) return undefined;
    const { rows } = await sql<{ id: string; version: string; name: string; document: string }>(
      em,
      `SELECT $1 || '/' || i.name AS id, md5(i.document) AS version,
              i.name, i.document
         FROM iam_inline_policies i WHERE i.${column} = $1
       UNION ALL
       SELECT p.id, p.default_version_id, p.name, v.document
         FROM iam_policy_attachments a
         JOIN iam_managed_policies p ON p.id = a.policy_id
         JOIN iam_policy_versions v ON v.policy_id = p.id AND v.version_id = p.default_version_id
        WHERE a.${column} = $1`,
      [id],
    );
    return { policies: rows, tags: holders[0].tags };
  }
}
