import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The AWS managed policies every account can attach from the start: our documents, AWS's intent. */
const AWS_MANAGED_POLICIES: ReadonlyArray<{
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly statements: readonly object[];
}> = [
  {
    id: 'ANPAAWSMANAGED000001',
    name: 'AdministratorAccess',
    description: 'Provides full access to every service and resource.',
    statements: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
  },
  {
    id: 'ANPAAWSMANAGED000002',
    name: 'ReadOnlyAccess',
    description: 'Provides read-only access to every service and resource.',
    statements: [
      {
        Sid: 'ReadOnly',
        Effect: 'Allow',
        Action: [
          'cloudtrail:Describe*',
          'cloudtrail:Get*',
          'cloudtrail:List*',
          'cloudtrail:LookupEvents',
          'organizations:Describe*',
          'organizations:List*',
          'iam:Get*',
          'iam:List*',
          'iam:Simulate*',
          'sts:GetCallerIdentity',
          'account:Get*',
          'account:List*',
          'trailplane:List*',
        ],
        Resource: '*',
      },
    ],
  },
  {
    id: 'ANPAAWSMANAGED000003',
    name: 'AWSCloudTrail_FullAccess',
    description: 'Provides full access to CloudTrail, and read access to what trails refer to.',
    statements: [
      { Sid: 'CloudTrail', Effect: 'Allow', Action: 'cloudtrail:*', Resource: '*' },
      {
        Sid: 'OrganizationsRead',
        Effect: 'Allow',
        Action: [
          'organizations:DescribeOrganization',
          'organizations:ListAccounts',
          'organizations:ListAWSServiceAccessForOrganization',
          'organizations:ListDelegatedAdministrators',
        ],
        Resource: '*',
      },
      { Sid: 'RolesRead', Effect: 'Allow', Action: ['iam:GetRole', 'iam:ListRoles'], Resource: '*' },
    ],
  },
  {
    id: 'ANPAAWSMANAGED000004',
    name: 'AWSCloudTrail_ReadOnlyAccess',
    description: 'Provides read-only access to CloudTrail.',
    statements: [
      {
        Sid: 'CloudTrailRead',
        Effect: 'Allow',
        Action: ['cloudtrail:Describe*', 'cloudtrail:Get*', 'cloudtrail:List*', 'cloudtrail:LookupEvents'],
        Resource: '*',
      },
    ],
  },
  {
    id: 'ANPAAWSMANAGED000005',
    name: 'AWSOrganizationsFullAccess',
    description: 'Provides full access to AWS Organizations.',
    statements: [{ Sid: 'Organizations', Effect: 'Allow', Action: 'organizations:*', Resource: '*' }],
  },
  {
    id: 'ANPAAWSMANAGED000006',
    name: 'AWSOrganizationsReadOnlyAccess',
    description: 'Provides read-only access to AWS Organizations.',
    statements: [
      {
        Sid: 'OrganizationsRead',
        Effect: 'Allow',
        Action: ['organizations:Describe*', 'organizations:List*'],
        Resource: '*',
      },
    ],
  },
];

/**
 * IAM users, customer managed policies (with versions), the AWS managed policies, attachments and
 * inline policies; roles gain tags and access keys gain the user they belong to. Roles created by
 * Organizations' CreateAccount before this migration get AdministratorAccess, as new ones do.
 */
export class CreateIamPrincipals1764000000006 implements MigrationInterface {
  name = 'CreateIamPrincipals1764000000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE iam_users (
        id         text NOT NULL,
        account_id char(12) NOT NULL,
        name       text NOT NULL,
        path       text NOT NULL DEFAULT '/',
        tags       jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_iam_users PRIMARY KEY (id),
        CONSTRAINT fk_iam_users_account FOREIGN KEY (account_id) REFERENCES accounts (id)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_iam_users_account_name ON iam_users (account_id, lower(name))`);
    await q.query(`ALTER TABLE iam_roles ADD COLUMN tags jsonb NOT NULL DEFAULT '[]'`);

    await q.query(`
      CREATE TABLE iam_managed_policies (
        id                 text NOT NULL,
        account_id         char(12),
        name               text NOT NULL,
        path               text NOT NULL DEFAULT '/',
        description        text,
        default_version_id text NOT NULL,
        next_version       integer NOT NULL DEFAULT 2,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_iam_managed_policies PRIMARY KEY (id),
        CONSTRAINT fk_iam_managed_policies_account FOREIGN KEY (account_id) REFERENCES accounts (id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_iam_managed_policies_account_name ON iam_managed_policies (coalesce(account_id, 'aws'), lower(name))`,
    );
    await q.query(`
      CREATE TABLE iam_policy_versions (
        policy_id  text NOT NULL,
        version_id text NOT NULL,
        document   text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_iam_policy_versions PRIMARY KEY (policy_id, version_id),
        CONSTRAINT fk_iam_policy_versions_policy FOREIGN KEY (policy_id) REFERENCES iam_managed_policies (id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE iam_policy_attachments (
        policy_id   text NOT NULL,
        account_id  char(12) NOT NULL,
        user_id     text,
        role_id     text,
        attached_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_iam_policy_attachments_policy FOREIGN KEY (policy_id) REFERENCES iam_managed_policies (id),
        CONSTRAINT fk_iam_policy_attachments_user FOREIGN KEY (user_id) REFERENCES iam_users (id),
        CONSTRAINT fk_iam_policy_attachments_role FOREIGN KEY (role_id) REFERENCES iam_roles (id),
        CONSTRAINT ck_iam_policy_attachments_principal CHECK ((user_id IS NULL) <> (role_id IS NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_iam_policy_attachments_user ON iam_policy_attachments (user_id, policy_id) WHERE user_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_iam_policy_attachments_role ON iam_policy_attachments (role_id, policy_id) WHERE role_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX ix_iam_policy_attachments_policy ON iam_policy_attachments (policy_id)`);
    await q.query(`
      CREATE TABLE iam_inline_policies (
        account_id char(12) NOT NULL,
        user_id    text,
        role_id    text,
        name       text NOT NULL,
        document   text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_iam_inline_policies_user FOREIGN KEY (user_id) REFERENCES iam_users (id),
        CONSTRAINT fk_iam_inline_policies_role FOREIGN KEY (role_id) REFERENCES iam_roles (id),
        CONSTRAINT ck_iam_inline_policies_principal CHECK ((user_id IS NULL) <> (role_id IS NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_iam_inline_policies_user ON iam_inline_policies (user_id, name) WHERE user_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_iam_inline_policies_role ON iam_inline_policies (role_id, name) WHERE role_id IS NOT NULL`,
    );

    await q.query(`ALTER TABLE access_keys ADD COLUMN user_id text`);
    await q.query(
      `ALTER TABLE access_keys ADD CONSTRAINT fk_access_keys_user FOREIGN KEY (user_id) REFERENCES iam_users (id)`,
    );
    await q.query(`CREATE INDEX ix_access_keys_user ON access_keys (user_id) WHERE user_id IS NOT NULL`);

    for (const policy of AWS_MANAGED_POLICIES) {
      await q.query(
        `INSERT INTO iam_managed_policies (id, account_id, name, path, description, default_version_id, next_version)
         VALUES ($1, NULL, $2, '/', $3, 'v1', 2)`,
        [policy.id, policy.name, policy.description],
      );
      await q.query(
        `INSERT INTO iam_policy_versions (policy_id, version_id, document) VALUES ($1, 'v1', $2)`,
        [policy.id, JSON.stringify({ Version: '2012-10-17', Statement: policy.statements }, null, 2)],
      );
    }
    await q.query(
      `INSERT INTO iam_policy_attachments (policy_id, account_id, role_id)
       SELECT $1, r.account_id, r.id
         FROM create_account_requests c
         JOIN iam_roles r ON r.account_id = c.account_id AND lower(r.name) = lower(c.role_name)
        WHERE c.state = 'SUCCEEDED'`,
      [AWS_MANAGED_POLICIES[0].id],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_access_keys_user`);
    await q.query(`ALTER TABLE access_keys DROP CONSTRAINT fk_access_keys_user`);
    await q.query(`ALTER TABLE access_keys DROP COLUMN user_id`);
    await q.query(`DROP TABLE iam_inline_policies`);
    await q.query(`DROP TABLE iam_policy_attachments`);
    await q.query(`DROP TABLE iam_policy_versions`);
    await q.query(`DROP TABLE iam_managed_policies`);
    await q.query(`ALTER TABLE iam_roles DROP COLUMN tags`);
    await q.query(`DROP TABLE iam_users`);
  }
}
