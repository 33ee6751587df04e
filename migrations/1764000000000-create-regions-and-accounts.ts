import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Commercial Regions enabled in every account by default, and the opt-in ones (AWS's split). */
const DEFAULT_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'sa-east-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'ap-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
];
const OPT_IN_REGIONS = [
  'af-south-1',
  'ap-east-1',
  'ap-south-2',
  'ap-southeast-3',
  'eu-south-1',
  'eu-central-2',
  'me-south-1',
  'me-central-1',
];

export class CreateRegionsAndAccounts1764000000000 implements MigrationInterface {
  name = 'CreateRegionsAndAccounts1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE regions (
        name        text NOT NULL,
        opt_in      boolean NOT NULL,
        launched_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_regions PRIMARY KEY (name),
        CONSTRAINT ck_regions_name CHECK (name ~ '^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$')
      )`);
    await q.query(
      `INSERT INTO regions (name, opt_in) SELECT unnest($1::text[]), false UNION ALL SELECT unnest($2::text[]), true`,
      [DEFAULT_REGIONS, OPT_IN_REGIONS],
    );
    await q.query(`
      CREATE TABLE accounts (
        id          char(12) NOT NULL,
        name        text NOT NULL,
        email       text NOT NULL,
        status      text NOT NULL DEFAULT 'ACTIVE',
        is_operator boolean NOT NULL DEFAULT false,
        created_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_accounts PRIMARY KEY (id),
        CONSTRAINT ck_accounts_id CHECK (id ~ '^[0-9]{12}$'),
        CONSTRAINT ck_accounts_status CHECK (status IN ('ACTIVE', 'SUSPENDED'))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_accounts_email ON accounts (lower(email))`);
    await q.query(`
      CREATE TABLE account_regions (
        account_id char(12) NOT NULL,
        region     text NOT NULL,
        enabled_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_account_regions PRIMARY KEY (account_id, region),
        CONSTRAINT fk_account_regions_account FOREIGN KEY (account_id) REFERENCES accounts (id),
        CONSTRAINT fk_account_regions_region FOREIGN KEY (region) REFERENCES regions (name)
      )`);
    await q.query(`CREATE INDEX ix_account_regions_region ON account_regions (region)`);
    await q.query(`
      CREATE TABLE access_keys (
        id             text NOT NULL,
        account_id     char(12) NOT NULL,
        principal_kind text NOT NULL,
        user_name      text,
        secret_sealed  text NOT NULL,
        status         text NOT NULL DEFAULT 'Active',
        created_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_access_keys PRIMARY KEY (id),
        CONSTRAINT fk_access_keys_account FOREIGN KEY (account_id) REFERENCES accounts (id),
        CONSTRAINT ck_access_keys_kind CHECK (principal_kind IN ('root', 'user')),
        CONSTRAINT ck_access_keys_user CHECK ((principal_kind = 'user') = (user_name IS NOT NULL)),
        CONSTRAINT ck_access_keys_status CHECK (status IN ('Active', 'Inactive'))
      )`);
    await q.query(`CREATE INDEX ix_access_keys_owner ON access_keys (account_id, user_name)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE access_keys`);
    await q.query(`DROP TABLE account_regions`);
    await q.query(`DROP TABLE accounts`);
    await q.query(`DROP TABLE regions`);
  }
}
