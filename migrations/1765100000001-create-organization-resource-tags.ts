import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Tags of Organizations' taggable resources (TagResource, and the Tags of CreateAccount,
 * CreateOrganizationalUnit and CreatePolicy): the root, OUs, member accounts and the organization's
 * own policies. A tag goes with its OU, its policy or the account's membership (foreign keys
 * cascade), as attachments do. A CreateAccount request keeps its Tags until the account exists,
 * an invitation (InviteAccountToOrganization) until the account accepts.
 */
export class CreateOrganizationResourceTags1765100000001 implements MigrationInterface {
  name = 'CreateOrganizationResourceTags1765100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organization_resource_tags (
        organization_id   text NOT NULL,
        resource_id       text NOT NULL,
        tag_key           text NOT NULL,
        tag_value         text NOT NULL,
        target_account_id char(12),
        target_ou_id      text,
        policy_id         text,
        CONSTRAINT pk_organization_resource_tags PRIMARY KEY (organization_id, resource_id, tag_key),
        CONSTRAINT fk_organization_resource_tags_organization FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE,
        CONSTRAINT fk_organization_resource_tags_account FOREIGN KEY (target_account_id) REFERENCES organization_accounts (account_id) ON DELETE CASCADE,
        CONSTRAINT fk_organization_resource_tags_ou FOREIGN KEY (target_ou_id) REFERENCES organizational_units (id) ON DELETE CASCADE,
        CONSTRAINT fk_organization_resource_tags_policy FOREIGN KEY (policy_id) REFERENCES organization_policies (id) ON DELETE CASCADE,
        CONSTRAINT ck_organization_resource_tags_target CHECK (
          (target_account_id IS NULL OR target_account_id = resource_id)
          AND (target_ou_id IS NULL OR target_ou_id = resource_id)
          AND (policy_id IS NULL OR policy_id = resource_id)),
        CONSTRAINT ck_organization_resource_tags_key CHECK (char_length(tag_key) BETWEEN 1 AND 128),
        CONSTRAINT ck_organization_resource_tags_value CHECK (char_length(tag_value) <= 256)
      )`);
    await q.query(`ALTER TABLE create_account_requests ADD COLUMN tags jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE handshakes ADD COLUMN tags jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE handshakes DROP COLUMN tags`);
    await q.query(`ALTER TABLE create_account_requests DROP COLUMN tags`);
    await q.query(`DROP TABLE organization_resource_tags`);
  }
}
