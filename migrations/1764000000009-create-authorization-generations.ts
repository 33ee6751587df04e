import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Tables whose rows carry the account whose callers' authorization they decide. */
const ACCOUNT_SCOPED = [
  ['iam_users', 'account_id'],
  ['iam_roles', 'account_id'],
  ['iam_managed_policies', 'account_id'],
  ['iam_policy_attachments', 'account_id'],
  ['iam_inline_policies', 'account_id'],
  // Joining, leaving or moving within an organization changes the account's SCP path.
  ['organization_accounts', 'account_id'],
] as const;

/** Tables whose rows (each with an `organization_id`) decide the authorization of every member. */
const ORGANIZATION_SCOPED = [
  'organization_policies',
  'organization_policy_attachments',
  'organization_disabled_policy_types',
] as const;

/**
 * Versioned keys for cached authorization data. Each account has a generation that triggers bump,
 * in the writing transaction, whenever something that decides its callers' requests changes: its
 * IAM users, roles, policies, attachments and inline policies, its place in an organization, or its
 * organization's SCPs, attachments, policy types or feature set (those bump every member). Signature
 * verification reads the generation with the access key, and policy sets are cached per
 * generation, so every API replica sees a committed change on its next request without any message.
 */
export class CreateAuthorizationGenerations1764000000009 implements MigrationInterface {
  name = 'CreateAuthorizationGenerations1764000000009';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE authorization_generations (
        account_id char(12) NOT NULL,
        generation bigint NOT NULL,
        CONSTRAINT pk_authorization_generations PRIMARY KEY (account_id)
      )`);
    await q.query(`
      CREATE FUNCTION bump_authorization_generation(account text) RETURNS void LANGUAGE sql AS $$
        INSERT INTO authorization_generations (account_id, generation) VALUES (account, 1)
        ON CONFLICT (account_id) DO UPDATE SET generation = authorization_generations.generation + 1
      $$`);
    // Members in id order, so that two fan-outs lock the same rows in the same order.
    await q.query(`
      CREATE FUNCTION bump_organization_authorization_generations(organization text) RETURNS void LANGUAGE sql AS $$
        INSERT INTO authorization_generations (account_id, generation)
        SELECT account_id, 1 FROM organization_accounts WHERE organization_id = organization ORDER BY account_id
        ON CONFLICT (account_id) DO UPDATE SET generation = authorization_generations.generation + 1
      $$`);
    // TG_ARGV[0] names the column that holds the account id.
    await q.query(`
      CREATE FUNCTION authorization_account_row_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        old_id text := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) ->> TG_ARGV[0] END;
        new_id text := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) ->> TG_ARGV[0] END;
      BEGIN
        IF old_id IS NOT NULL THEN PERFORM bump_authorization_generation(old_id); END IF;
        IF new_id IS NOT NULL AND new_id IS DISTINCT FROM old_id THEN PERFORM bump_authorization_generation(new_id); END IF;
        RETURN NULL;
      END $$`);
    // Statement-level, over the transition table: one fan-out per organization and statement, so
    // detaching every policy of a large organization does not bump each member once per row.
    await q.query(`
      CREATE FUNCTION authorization_organization_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM bump_organization_authorization_generations(organization_id)
           FROM (SELECT DISTINCT organization_id FROM changed_rows WHERE organization_id IS NOT NULL ORDER BY 1) changed;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION authorization_organization_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM bump_organization_authorization_generations(NEW.id);
        RETURN NULL;
      END $$`);
    for (const [table, column] of ACCOUNT_SCOPED) {
      await q.query(
        `CREATE TRIGGER tr_${table}_authorization AFTER INSERT OR UPDATE OR DELETE ON ${table}
         FOR EACH ROW EXECUTE FUNCTION authorization_account_row_changed('${column}')`,
      );
    }
    for (const table of ORGANIZATION_SCOPED) {
      for (const [event, transition] of [
        ['INSERT', 'NEW'],
        ['UPDATE', 'NEW'],
        ['DELETE', 'OLD'],
      ] as const) {
        await q.query(
          `CREATE TRIGGER tr_${table}_authorization_${event.toLowerCase()} AFTER ${event} ON ${table}
           REFERENCING ${transition} TABLE AS changed_rows
           FOR EACH STATEMENT EXECUTE FUNCTION authorization_organization_rows_changed()`,
        );
      }
    }
    // A feature-set change turns SCPs on or off for every member.
    await q.query(
      `CREATE TRIGGER tr_organizations_authorization AFTER UPDATE OF feature_set ON organizations
       FOR EACH ROW EXECUTE FUNCTION authorization_organization_changed()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tr_organizations_authorization ON organizations`);
    for (const table of ORGANIZATION_SCOPED) {
      for (const event of ['insert', 'update', 'delete']) {
        await q.query(`DROP TRIGGER tr_${table}_authorization_${event} ON ${table}`);
      }
    }
    for (const [table] of ACCOUNT_SCOPED) await q.query(`DROP TRIGGER tr_${table}_authorization ON ${table}`);
    await q.query(`DROP FUNCTION authorization_organization_changed()`);
    await q.query(`DROP FUNCTION authorization_organization_rows_changed()`);
    await q.query(`DROP FUNCTION authorization_account_row_changed()`);
    await q.query(`DROP FUNCTION bump_organization_authorization_generations(text)`);
    await q.query(`DROP FUNCTION bump_authorization_generation(text)`);
    await q.query(`DROP TABLE authorization_generations`);
  }
}
