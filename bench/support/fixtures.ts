import { type BenchCredentials } from './bench-app';
import { expectStatus, type SignedClient } from './signed-client';

/**
 * Worlds for benchmarks. Accounts and organizations are made through the API, as users would; only
 * large organizations get their members straight into `accounts` + `organization_accounts` (the
 * fixture of test/faults: thousands of invitations would dominate the set-up, and members need no
 * credentials to receive an organization trail).
 */

/** A standalone account created by the partition operator, with its root credentials. */
export async function createAccount(operator: SignedClient, label: string): Promise<BenchCredentials> {
  const name = `bench-${label}-${Date.now().toString(36)}`.slice(0, 50);
  const created = expectStatus(
    await operator.rest('POST', '/v1/accounts', { name, email: `${name}@example.com` }),
    201,
    'CreateAccount',
  ).json<BenchCredentials>();
  return {
    accountId: created.accountId,
    accessKeyId: created.accessKeyId,
    secretAccessKey: created.secretAccessKey,
  };
}

export interface BenchOrganization {
  readonly id: string;
  readonly management: BenchCredentials;
}

/**
 * `management` founds an organization with all features and trusted access for CloudTrail, the
 * preconditions of an organization trail.
 */
export async function createOrganization(management: SignedClient): Promise<BenchOrganization> {
  const organization = expectStatus(
    await management.rest('POST', '/v1/organization', { featureSet: 'ALL' }),
    201,
    'CreateOrganization',
  ).json<{ id: string }>();
  expectStatus(
    await management.rest('PUT', '/v1/organization/service-access/cloudtrail.amazonaws.com'),
    204,
    'EnableAWSServiceAccess',
  );
  return { id: organization.id, management: management.credentials };
}

/** `member` (a standalone account) joins `management`'s organization: invited, then accepting. */
export async function joinOrganization(management: SignedClient, member: SignedClient): Promise<void> {
  const target = { type: 'ACCOUNT', id: member.credentials.accountId };
  const invited = expectStatus(
    await management.rest('POST', '/v1/handshakes', { target }),
    201,
    'InviteAccountToOrganization',
  ).json<{ id: string }>();
  expectStatus(await member.rest('POST', `/v1/handshakes/${invited.id}/accept`), 200, 'AcceptHandshake');
}

/** What seeding needs of a database client: a pg `Client`, or the embedded API's own connection. */
export interface SqlClient {
  query<R extends object>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

/** Adds `count` member accounts (default Regions only) to the organization, straight into the tables. */
export async function seedMembers(db: SqlClient, organizationId: string, count: number): Promise<string[]> {
  const { rows } = await db.query<{ root_id: string }>(`SELECT root_id FROM organizations WHERE id = $1`, [
    organizationId,
  ]);
  const base = 200_000_000_000 + Math.floor(Math.random() * 700_000_000_000);
  const ids = Array.from({ length: count }, (_, i) => String(base + i * 7).padStart(12, '0'));
  await db.query(
    `INSERT INTO accounts (id, name, email)
     SELECT id, 'seeded-' || id, id || '@seeded.example.com' FROM unnest($1::text[]) AS t(id)`,
    [ids],
  );
  await db.query(
    `INSERT INTO organization_accounts (account_id, organization_id, parent_id, joined_method)
     SELECT id, $2, $3, 'CREATED' FROM unnest($1::text[]) AS t(id)`,
    [ids, organizationId, rows[0].root_id],
  );
  await db.query('ANALYZE accounts, organization_accounts');
  return ids;
}

/** Runs `work` over `items` with at most `concurrency` in flight; results in item order. */
export async function mapConcurrently<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i], i);
    }),
  );
  return results;
}
