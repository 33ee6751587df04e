import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateOrganizations1764000000001 implements MigrationInterface {
  name = 'CreateOrganizations1764000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organizations (
        id                    text NOT NULL,
        management_account_id char(12) NOT NULL,
        feature_set           text NOT NULL,
        root_id               text NOT NULL,
        created_at            timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_organizations PRIMARY KEY (id),
        CONSTRAINT uq_organizations_management UNIQUE (management_account_id),
        CONSTRAINT uq_organizations_root UNIQUE (root_id),
        CONSTRAINT fk_organizations_management FOREIGN KEY (management_account_id) REFERENCES accounts (id),
        CONSTRAINT ck_organizations_feature_set CHECK (feature_set IN ('ALL', 'CONSOLIDATED_BILLING'))
      )`);
    await q.query(`
      CREATE TABLE organizational_units (
        id              text NOT NULL,
        organization_id text NOT NULL,
        parent_id       text NOT NULL,
        name            text NOT NULL,
        depth           integer NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_organizational_units PRIMARY KEY (id),
        CONSTRAINT fk_organizational_units_organization FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE,
        CONSTRAINT uq_organizational_units_parent_name UNIQUE (organization_id, parent_id, name),
        CONSTRAINT ck_organizational_units_depth CHECK (depth BETWEEN 1 AND 5)
      )`);
    await q.query(`
      CREATE TABLE organization_accounts (
        account_id      char(12) NOT NULL,
        organization_id text NOT NULL,
        parent_id       text NOT NULL,
        joined_method   text NOT NULL,
        joined_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_organization_accounts PRIMARY KEY (account_id),
        CONSTRAINT fk_organization_accounts_account FOREIGN KEY (account_id) REFERENCES accounts (id),
        CONSTRAINT fk_organization_accounts_organization FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE,
        CONSTRAINT ck_organization_accounts_joined_method CHECK (joined_method IN ('INVITED', 'CREATED'))
      )`);
    await q.query(
      `CREATE INDEX ix_organization_accounts_organization ON organization_accounts (organization_id, account_id)`,
    );
    await q.query(`CREATE INDEX ix_organization_accounts_parent ON organization_accounts (parent_id)`);
    await q.query(`
      CREATE TABLE create_account_requests (
        id                          text NOT NULL,
        organization_id             text NOT NULL,
        account_name                text NOT NULL,
        email                       text NOT NULL,
        role_name                   text NOT NULL,
        iam_user_access_to_billing  text NOT NULL,
        state                       text NOT NULL DEFAULT 'IN_PROGRESS',
        failure_reason              text,
        account_id                  char(12),
        requested_at                timestamptz NOT NULL DEFAULT now(),
        completed_at                timestamptz,
        CONSTRAINT pk_create_account_requests PRIMARY KEY (id),
        CONSTRAINT fk_create_account_requests_organization FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE,
        CONSTRAINT ck_create_account_requests_state CHECK (state IN ('IN_PROGRESS', 'SUCCEEDED', 'FAILED'))
      )`);
    await q.query(
      `CREATE INDEX ix_create_account_requests_pending ON create_account_requests (requested_at) WHERE state = 'IN_PROGRESS'`,
    );
    await q.query(`
      CREATE TABLE handshakes (
        id                text NOT NULL,
        organization_id   text NOT NULL,
        action            text NOT NULL,
        state             text NOT NULL,
        target_account_id char(12) NOT NULL,
        notes             text,
        requested_at      timestamptz NOT NULL DEFAULT now(),
        expires_at        timestamptz NOT NULL,
        CONSTRAINT pk_handshakes PRIMARY KEY (id),
        CONSTRAINT fk_handshakes_organization FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE,
        CONSTRAINT fk_handshakes_target FOREIGN KEY (target_account_id) REFERENCES accounts (id),
        CONSTRAINT ck_handshakes_state CHECK (state IN ('REQUESTED', 'OPEN', 'CANCELED', 'ACCEPTED', 'DECLINED', 'EXPIRED'))
      )`);
    await q.query(`CREATE INDEX ix_handshakes_target ON handshakes (target_account_id, requested_at)`);
    await q.query(
      `CREATE UNIQUE INDEX uq_handshakes_open_invite ON handshakes (organization_id, target_account_id) WHERE state = 'OPEN'`,
    );
    await q.query(`
      CREATE TABLE organization_service_access (
        organization_id   text NOT NULL,
        service_principal text NOT NULL,
        enabled_at        timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_organization_service_access PRIMARY KEY (organization_id, service_principal),
        CONSTRAINT fk_organization_service_access_organization FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE delegated_administrators (
        organization_id   text NOT NULL,
        account_id        char(12) NOT NULL,
        service_principal text NOT NULL,
        delegated_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_delegated_administrators PRIMARY KEY (organization_id, service_principal, account_id),
        CONSTRAINT fk_delegated_administrators_organization FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE,
        CONSTRAINT fk_delegated_administrators_member FOREIGN KEY (account_id) REFERENCES organization_accounts (account_id)
      )`);
    await q.query(
      `CREATE INDEX ix_delegated_administrators_account ON delegated_administrators (account_id)`,
    );
    await q.query(`
      CREATE TABLE iam_roles (
        id                 text NOT NULL,
        account_id         char(12) NOT NULL,
        name               text NOT NULL,
        path               text NOT NULL DEFAULT '/',
        trust_policy       jsonb NOT NULL,
        description        text,
        max_session_seconds integer NOT NULL DEFAULT 3600,
        created_at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_iam_roles PRIMARY KEY (id),
        CONSTRAINT fk_iam_roles_account FOREIGN KEY (account_id) REFERENCES accounts (id)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_iam_roles_account_name ON iam_roles (account_id, lower(name))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'iam_roles',
      'delegated_administrators',
      'organization_service_access',
      'handshakes',
      'create_account_requests',
      'organization_accounts',
      'organizational_units',
      'organizations',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
