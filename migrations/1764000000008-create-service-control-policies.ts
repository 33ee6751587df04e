import { type MigrationInterface, type QueryRunner } from 'typeorm';

const FULL_AWS_ACCESS = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
});

/**
 * Organizations' service control policies: the organization's own policies (and the AWS managed
 * `FullAWSAccess`, organization NULL), their attachments to the root, OUs and accounts, and the
 * policy types a root has disabled. A target without attachment rows holds `FullAWSAccess` (AWS
 * attaches it to every root, OU and account while SCPs are enabled); attachments of an account or
 * an OU disappear with its membership or the OU.
 */
export class CreateServiceControlPolicies1764000000008 implements MigrationInterface {
  name = 'CreateServiceControlPolicies1764000000008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organization_policies (
        id              text NOT NULL,
        organization_id text,
        type            text NOT NULL,
        name            text NOT NULL,
        description     text NOT NULL DEFAULT '',
        content         text NOT NULL,
        revision        integer NOT NULL DEFAULT 1,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_organization_policies PRIMARY KEY (id),
        CONSTRAINT fk_organization_policies_organization FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE,
        CONSTRAINT ck_organization_policies_type CHECK (type IN ('SERVICE_CONTROL_POLICY'))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_organization_policies_name ON organization_policies (organization_id, type, name) WHERE organization_id IS NOT NULL`,
    );
    await q.query(
      `INSERT INTO organization_policies (id, organization_id, type, name, description, content)
       VALUES ('p-FullAWSAccess', NULL, 'SERVICE_CONTROL_POLICY', 'FullAWSAccess', 'Allows access to every operation', $1)`,
      [FULL_AWS_ACCESS],
    );
    await q.query(`
      CREATE TABLE organization_policy_attachments (
        organization_id   text NOT NULL,
        policy_id         text NOT NULL,
        target_id         text NOT NULL,
        target_account_id char(12),
        target_ou_id      text,
        attached_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_organization_policy_attachments PRIMARY KEY (organization_id, target_id, policy_id),
        CONSTRAINT fk_organization_policy_attachments_organization FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE,
        CONSTRAINT fk_organization_policy_attachments_policy FOREIGN KEY (policy_id) REFERENCES organization_policies (id),
        CONSTRAINT fk_organization_policy_attachments_account FOREIGN KEY (target_account_id) REFERENCES organization_accounts (account_id) ON DELETE CASCADE,
        CONSTRAINT fk_organization_policy_attachments_ou FOREIGN KEY (target_ou_id) REFERENCES organizational_units (id) ON DELETE CASCADE,
        CONSTRAINT ck_organization_policy_attachments_target CHECK (
          (target_account_id IS NULL OR target_account_id = target_id) AND (target_ou_id IS NULL OR target_ou_id = target_id))
      )`);
    await q.query(
      `CREATE INDEX ix_organization_policy_attachments_policy ON organization_policy_attachments (policy_id, organization_id)`,
    );
    await q.query(`
      CREATE TABLE organization_disabled_policy_types (
        organization_id text NOT NULL,
        policy_type     text NOT NULL,
        disabled_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_organization_disabled_policy_types PRIMARY KEY (organization_id, policy_type),
        CONSTRAINT fk_organization_disabled_policy_types_organization FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE organization_disabled_policy_types`);
    await q.query(`DROP TABLE organization_policy_attachments`);
    await q.query(`DROP TABLE organization_policies`);
  }
}
