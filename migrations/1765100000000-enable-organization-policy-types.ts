import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The Organizations model's policy types (`PolicyType` of @aws-sdk/client-organizations 3.1175). */
const POLICY_TYPES = [
  'SERVICE_CONTROL_POLICY',
  'RESOURCE_CONTROL_POLICY',
  'TAG_POLICY',
  'BACKUP_POLICY',
  'AISERVICES_OPT_OUT_POLICY',
  'CHATBOT_POLICY',
  'DECLARATIVE_POLICY_EC2',
  'SECURITYHUB_POLICY',
  'SECURITYHUB_CSPM_POLICY',
  'INSPECTOR_POLICY',
  'GUARDDUTY_POLICY',
  'BEDROCK_POLICY',
  'S3_POLICY',
  'NETWORK_SECURITY_DIRECTOR_POLICY',
  'UPGRADE_ROLLOUT_POLICY',
];
const TYPE_LIST = POLICY_TYPES.map((type) => `'${type}'`).join(', ');

const RCP_FULL_AWS_ACCESS = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
});

const TRIGGER_EVENTS = [
  ['INSERT', 'NEW'],
  ['UPDATE', 'NEW'],
  ['DELETE', 'OLD'],
] as const;

/** Statement-level authorization triggers, as migration 1764000000009 puts on organization tables. */
async function addAuthorizationTriggers(q: QueryRunner, table: string): Promise<void> {
  for (const [event, transition] of TRIGGER_EVENTS) {
    await q.query(
      `CREATE TRIGGER tr_${table}_authorization_${event.toLowerCase()} AFTER ${event} ON ${table}
       REFERENCING ${transition} TABLE AS changed_rows
       FOR EACH STATEMENT EXECUTE FUNCTION authorization_organization_rows_changed()`,
    );
  }
}

/**
 * Every policy type of the Organizations model, and the types a root has enabled. Policy types are
 * now stored as enabled (a new organization has none, as in AWS: EnablePolicyType is the first
 * step), where migration 1764000000008 stored the disabled exceptions of an implicit SCP default.
 * Organizations that exist keep their behaviour: an all-features organization whose root had not
 * disabled SCPs has SERVICE_CONTROL_POLICY enabled. Adds the AWS managed RCPFullAWSAccess, which
 * every root, OU and account holds while RCPs are enabled (as FullAWSAccess for SCPs).
 */
export class EnableOrganizationPolicyTypes1765100000000 implements MigrationInterface {
  name = 'EnableOrganizationPolicyTypes1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organization_policies DROP CONSTRAINT ck_organization_policies_type`);
    await q.query(
      `ALTER TABLE organization_policies ADD CONSTRAINT ck_organization_policies_type CHECK (type IN (${TYPE_LIST}))`,
    );
    await q.query(
      `INSERT INTO organization_policies (id, organization_id, type, name, description, content)
       VALUES ('p-RCPFullAWSAccess', NULL, 'RESOURCE_CONTROL_POLICY', 'RCPFullAWSAccess', 'Allows access to every resource', $1)`,
      [RCP_FULL_AWS_ACCESS],
    );
    await q.query(`
      CREATE TABLE organization_policy_types (
        organization_id text NOT NULL,
        policy_type     text NOT NULL,
        enabled_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_organization_policy_types PRIMARY KEY (organization_id, policy_type),
        CONSTRAINT fk_organization_policy_types_organization FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE,
        CONSTRAINT ck_organization_policy_types_type CHECK (policy_type IN (${TYPE_LIST}))
      )`);
    await q.query(`
      INSERT INTO organization_policy_types (organization_id, policy_type, enabled_at)
      SELECT o.id, 'SERVICE_CONTROL_POLICY', o.created_at FROM organizations o
       WHERE o.feature_set = 'ALL'
         AND NOT EXISTS (SELECT 1 FROM organization_disabled_policy_types d
                          WHERE d.organization_id = o.id AND d.policy_type = 'SERVICE_CONTROL_POLICY')`);
    await addAuthorizationTriggers(q, 'organization_policy_types');
    await q.query(`DROP TABLE organization_disabled_policy_types`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organization_disabled_policy_types (
        organization_id text NOT NULL,
        policy_type     text NOT NULL,
        disabled_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_organization_disabled_policy_types PRIMARY KEY (organization_id, policy_type),
        CONSTRAINT fk_organization_disabled_policy_types_organization FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE
      )`);
    await q.query(`
      INSERT INTO organization_disabled_policy_types (organization_id, policy_type)
      SELECT o.id, 'SERVICE_CONTROL_POLICY' FROM organizations o
       WHERE o.feature_set = 'ALL'
         AND NOT EXISTS (SELECT 1 FROM organization_policy_types t
                          WHERE t.organization_id = o.id AND t.policy_type = 'SERVICE_CONTROL_POLICY')`);
    await addAuthorizationTriggers(q, 'organization_disabled_policy_types');
    await q.query(`DROP TABLE organization_policy_types`);
    // Only SCPs existed before: the other types' policies and their attachments go.
    await q.query(`
      DELETE FROM organization_policy_attachments a USING organization_policies p
       WHERE p.id = a.policy_id AND p.type <> 'SERVICE_CONTROL_POLICY'`);
    await q.query(`DELETE FROM organization_policies WHERE type <> 'SERVICE_CONTROL_POLICY'`);
    await q.query(`ALTER TABLE organization_policies DROP CONSTRAINT ck_organization_policies_type`);
    await q.query(
      `ALTER TABLE organization_policies ADD CONSTRAINT ck_organization_policies_type CHECK (type IN ('SERVICE_CONTROL_POLICY'))`,
    );
  }
}
