import { Injectable } from '@nestjs/common';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { type Tag, type TaggableResourceType } from '../domain/organization-tags';

/**
 * Tags of an organization's root, OUs, member accounts and own policies. A resource's tags go with
 * it (foreign keys cascade from the OU, the policy, the membership and the organization).
 */
@Injectable()
export class OrganizationTagRepository {
  /** The resource's tags, by key. */
  async list(em: EntityManager, organizationId: string, resourceId: string): Promise<Tag[]> {
    const { rows } = await sql<{ tag_key: string; tag_value: string }>(
      em,
      `SELECT tag_key, tag_value FROM organization_resource_tags
        WHERE organization_id = $1 AND resource_id = $2 ORDER BY tag_key`,
      [organizationId, resourceId],
    );
    return rows.map((row) => ({ key: row.tag_key, value: row.tag_value }));
  }

  /** Adds the tags, overwriting the values of keys the resource already has. */
  async put(
    em: EntityManager,
    organizationId: string,
    resource: { readonly id: string; readonly type: TaggableResourceType },
    tags: readonly Tag[],
  ): Promise<void> {
    if (tags.length === 0) return;
    await sql(
      em,
      `INSERT INTO organization_resource_tags
              (organization_id, resource_id, tag_key, tag_value, target_account_id, target_ou_id, policy_id)
       SELECT $1, $2, t.tag_key, t.tag_value, $3, $4, $5
         FROM unnest($6::text[], $7::text[]) AS t(tag_key, tag_value)
       ON CONFLICT (organization_id, resource_id, tag_key) DO UPDATE SET tag_value = excluded.tag_value`,
      [
        organizationId,
        resource.id,
        resource.type === 'ACCOUNT' ? resource.id : null,
        resource.type === 'ORGANIZATIONAL_UNIT' ? resource.id : null,
        resource.type === 'POLICY' ? resource.id : null,
        tags.map((tag) => tag.key),
        tags.map((tag) => tag.value),
      ],
    );
  }

  /** Removes the tags with these keys (keys the resource lacks are ignored, as in AWS). */
  async remove(
    em: EntityManager,
    organizationId: string,
    resourceId: string,
    keys: readonly string[],
  ): Promise<void> {
    await sql(
      em,
      `DELETE FROM organization_resource_tags
        WHERE organization_id = $1 AND resource_id = $2 AND tag_key = ANY($3::text[])`,
      [organizationId, resourceId, [...keys]],
    );
  }
}
