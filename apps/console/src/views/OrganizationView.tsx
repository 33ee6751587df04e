import { useState } from 'react';
import { type Api, segment } from '../api/client';
import { ErrorMessage, Loading, Section, useLoad } from '../ui';

interface Node {
  id: string;
  name: string;
  kind: 'root' | 'ou' | 'account';
  policies: string[];
  children: Node[];
}

interface Coverage {
  regions: string[];
  trails: Array<{ name: string; ownerAccountId: string; isOrganizationTrail: boolean }>;
  accounts: Array<{ accountId: string; cells: Array<{ status: string; trails: number[] }> }>;
}

async function all<T>(api: Api, path: string, member: string): Promise<T[]> {
  const items: T[] = [];
  let nextToken: string | undefined;
  do {
    const page = await api.get<Record<string, unknown> & { nextToken?: string }>(path, { nextToken });
    items.push(...(page[member] as T[]));
    nextToken = page.nextToken;
  } while (nextToken);
  return items;
}

async function policiesOf(api: Api, targetId: string): Promise<string[]> {
  const policies = await all<{ name: string }>(
    api,
    `/v1/organization/targets/${segment(targetId)}/policies`,
    'policies',
  );
  return policies.map((p) => p.name);
}

async function subtree(api: Api, id: string, name: string, kind: Node['kind']): Promise<Node> {
  const [units, accounts, policies] = await Promise.all([
    all<{ id: string; name: string }>(
      api,
      `/v1/organization/parents/${segment(id)}/units`,
      'organizationalUnits',
    ),
    all<{ id: string; name: string }>(api, `/v1/organization/parents/${segment(id)}/accounts`, 'accounts'),
    policiesOf(api, id).catch(() => []),
  ]);
  const children = await Promise.all([
    ...units.map((unit) => subtree(api, unit.id, unit.name, 'ou')),
    ...accounts.map(async (account) => ({
      id: account.id,
      name: account.name,
      kind: 'account' as const,
      policies: await policiesOf(api, account.id).catch(() => []),
      children: [],
    })),
  ]);
  return { id, name, kind, policies, children };
}

/** The organization as a tree: root, OUs and accounts, SCPs and delegated administrators marked. */
export function OrganizationView({ api }: { api: Api }) {
  const organization = useLoad(async () => {
    const org = await api.get<{ id: string; masterAccountId: string; featureSet: string }>(
      '/v1/organization',
    );
    const [roots, delegated] = await Promise.all([
      api.get<{ roots: Array<{ id: string; name: string }> }>('/v1/organization/roots'),
      all<{ id: string }>(api, '/v1/organization/delegated-administrators', 'delegatedAdministrators').catch(
        () => [],
      ),
    ]);
    const trees = await Promise.all(roots.roots.map((root) => subtree(api, root.id, root.name, 'root')));
    return { org, trees, delegated: new Set(delegated.map((d) => d.id)) };
  }, [api]);
  const coverage = useLoad(() => api.get<Coverage>('/v1/coverage'), [api]);
  const [selected, setSelected] = useState<string>();

  function render(node: Node) {
    const delegated = organization.data?.delegated.has(node.id);
    const management = organization.data?.org.masterAccountId === node.id;
    return (
      <li key={node.id}>
        {node.kind === 'account' ? (
          <button
            type="button"
            className="link"
            aria-pressed={selected === node.id}
            onClick={() => setSelected(node.id)}
          >
            {node.name} ({node.id})
          </button>
        ) : (
          <span>
            {node.kind === 'root' ? 'Root' : 'OU'} {node.name} <small>{node.id}</small>
          </span>
        )}
        {management && <span className="badge">management</span>}
        {delegated && <span className="badge">delegated administrator</span>}
        {node.policies.map((policy) => (
          <span key={policy} className="badge scp">
            SCP {policy}
          </span>
        ))}
        {node.children.length > 0 && <ul>{node.children.map(render)}</ul>}
      </li>
    );
  }

  const detail = coverage.data?.accounts.find((a) => a.accountId === selected);
  return (
    <Section title="Organization">
      <ErrorMessage error={organization.error} />
      {organization.loading && !organization.data && <Loading what="the organization" />}
      {organization.data && (
        <>
          <p>
            {organization.data.org.id} · feature set {organization.data.org.featureSet} · management account{' '}
            {organization.data.org.masterAccountId}
          </p>
          <ul aria-label="Organization tree" className="tree">
            {organization.data.trees.map(render)}
          </ul>
        </>
      )}
      {selected && coverage.data && (
        <section aria-label="Account detail" className="detail">
          <h3>Account {selected}</h3>
          {!detail && <p>Not in the coverage report.</p>}
          {detail && (
            <dl className="settings">
              <dt>Regions enabled</dt>
              <dd>
                {coverage.data.regions.filter((_, i) => detail.cells[i].status !== 'disabled').join(', ')}
              </dd>
              <dt>Trails (own and inherited)</dt>
              <dd>
                {[...new Set(detail.cells.flatMap((c) => c.trails))]
                  .map((i) => coverage.data!.trails[i])
                  .map(
                    (t) =>
                      `${t.name}${t.ownerAccountId === selected ? '' : ` (inherited from ${t.ownerAccountId})`}`,
                  )
                  .join(', ') || 'none'}
              </dd>
            </dl>
          )}
        </section>
      )}
    </Section>
  );
}
