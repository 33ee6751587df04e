import { OPERATION_AUTHORIZATION, type RestInput } from './operation-resources';
import { ResourceScope } from './resource-scope';

const ACCOUNT = '111122223333';
const MANAGEMENT = '999988887777';
const scope = (organization = true) =>
  new ResourceScope(
    'aws',
    'eu-west-1',
    ACCOUNT,
    organization ? { id: 'o-abcdefghij', managementAccountId: MANAGEMENT } : undefined,
    async (_kind, name) => (name === 'alice' ? '/ops/' : '/'),
  );
const rest = (input: Partial<RestInput>): RestInput => ({ params: {}, query: {}, body: {}, ...input });

function declared(action: string) {
  const entry = OPERATION_AUTHORIZATION[action];
  if (!entry) throw new Error(`${action} is not declared`);
  return entry;
}

describe('OPERATION_AUTHORIZATION', () => {
  it('makes a bare trail name the caller’s trail in the called Region, and keeps an ARN’s owner', async () => {
    const getTrail = declared('cloudtrail:GetTrail');
    expect(await getTrail.aws?.({ Name: 'audit' }, scope())).toEqual([
      { arn: `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/audit`, account: ACCOUNT, kind: 'trail' },
    ]);
    const foreign = `arn:aws:cloudtrail:us-east-1:${MANAGEMENT}:trail/org`;
    expect(await getTrail.rest?.(rest({ params: { trail: foreign } }), scope())).toEqual([
      { arn: foreign, account: MANAGEMENT, kind: 'trail' },
    ]);
  });

  it('counts a malformed trail ARN as the caller’s own (the operation then refuses it)', async () => {
    const malformed = `arn:aws:s3:us-east-1:${MANAGEMENT}:trail/x`;
    expect(await declared('cloudtrail:DeleteTrail').aws?.({ Name: malformed }, scope())).toEqual([
      { arn: malformed, account: ACCOUNT, kind: 'trail' },
    ]);
  });

  it('reads each REST member where its handler does: a body cannot redirect a path parameter', async () => {
    const deleteTrail = declared('cloudtrail:DeleteTrail');
    const resources = await deleteTrail.rest?.(
      rest({
        params: { trail: 'victim' },
        body: { Name: 'mine', name: 'mine', trail: 'mine' },
        query: { trail: 'mine' },
      }),
      scope(),
    );
    expect(resources?.map((resource) => resource.arn)).toEqual([
      `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/victim`,
    ]);
    const describe = await declared('cloudtrail:DescribeTrails').rest?.(
      rest({ body: { name: ['mine'] } }),
      scope(),
    );
    expect(describe).toEqual([{ arn: '*', account: ACCOUNT }]);
  });

  it('names every trail of ListTags and DescribeTrails, or `*` when none is named', async () => {
    const listTags = declared('cloudtrail:ListTags');
    expect((await listTags.aws?.({ ResourceIdList: ['a1', 'a2'] }, scope()))?.map((r) => r.arn)).toEqual([
      `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/a1`,
      `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/a2`,
    ]);
    expect(await declared('cloudtrail:DescribeTrails').aws?.({}, scope())).toEqual([
      { arn: '*', account: ACCOUNT },
    ]);
    expect(
      await declared('cloudtrail:DescribeTrails').rest?.(rest({ query: { name: 'one' } }), scope()),
    ).toEqual([
      { arn: `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/one`, account: ACCOUNT, kind: 'trail' },
    ]);
  });

  it('names the caller’s organization’s ARNs as the caller’s own resources, or `*` outside an organization', async () => {
    const move = declared('organizations:MoveAccount');
    expect(
      await move.aws?.(
        { AccountId: '444455556666', SourceParentId: 'r-ab12', DestinationParentId: 'ou-ab12-abcdefgh' },
        scope(),
      ),
    ).toEqual([
      { arn: `arn:aws:organizations::${MANAGEMENT}:account/o-abcdefghij/444455556666`, account: ACCOUNT },
      { arn: `arn:aws:organizations::${MANAGEMENT}:root/o-abcdefghij/r-ab12`, account: ACCOUNT },
      { arn: `arn:aws:organizations::${MANAGEMENT}:ou/o-abcdefghij/ou-ab12-abcdefgh`, account: ACCOUNT },
    ]);
    expect(
      await declared('organizations:DescribePolicy').aws?.({ PolicyId: 'p-FullAWSAccess' }, scope()),
    ).toEqual([
      { arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess', account: ACCOUNT },
    ]);
    expect(
      await declared('organizations:DescribeAccount').aws?.({ AccountId: '444455556666' }, scope(false)),
    ).toEqual([{ arn: '*', account: ACCOUNT }]);
  });

  it('names IAM users and roles with their paths, and the role to assume with its owner', async () => {
    expect(await declared('iam:GetUser').rest?.(rest({ params: { userName: 'alice' } }), scope())).toEqual([
      { arn: `arn:aws:iam::${ACCOUNT}:user/ops/alice`, account: ACCOUNT },
    ]);
    expect(
      await declared('iam:CreateRole').rest?.(rest({ body: { roleName: 'R', path: '/x/' } }), scope()),
    ).toEqual([{ arn: `arn:aws:iam::${ACCOUNT}:role/x/R`, account: ACCOUNT }]);
    const roleArn = `arn:aws:iam::${MANAGEMENT}:role/Admin`;
    const assume = declared('sts:AssumeRole');
    expect(await assume.aws?.({ RoleArn: roleArn }, scope())).toEqual([
      { arn: roleArn, account: MANAGEMENT, kind: 'assumable-role' },
    ]);
    expect(assume.context?.aws?.({ ExternalId: 'ext', RoleSessionName: 's1' })).toEqual({
      'sts:ExternalId': 'ext',
      'sts:RoleSessionName': 's1',
    });
    expect(
      declared('iam:AttachUserPolicy').context?.rest?.(
        rest({ body: { policyArn: 'arn:aws:iam::aws:policy/X' } }),
      ),
    ).toEqual({
      'iam:PolicyARN': 'arn:aws:iam::aws:policy/X',
    });
  });

  it('turns the tags a request sets into aws:RequestTag/… and aws:TagKeys', () => {
    const tags = declared('cloudtrail:CreateTrail').context;
    expect(tags?.aws?.({ TagsList: [{ Key: 'env', Value: 'prod' }, { Key: 'bare' }, 'junk'] })).toEqual({
      'aws:RequestTag/env': 'prod',
      'aws:RequestTag/bare': '',
      'aws:TagKeys': ['env', 'bare'],
    });
    expect(
      declared('cloudtrail:AddTags').context?.rest?.(
        rest({ body: { tagsList: [{ key: 'team', value: 'a' }] } }),
      ),
    ).toEqual({
      'aws:RequestTag/team': 'a',
      'aws:TagKeys': ['team'],
    });
    expect(tags?.aws?.({})).toEqual({});
  });

  it('treats a member of the wrong type as absent (`*`), which validation then refuses', async () => {
    expect(await declared('cloudtrail:GetTrail').aws?.({ Name: ['audit'] }, scope())).toEqual([
      { arn: '*', account: ACCOUNT },
    ]);
  });

  it('marks GetCallerIdentity as needing no permission, and nothing else', () => {
    const unconditional = Object.entries(OPERATION_AUTHORIZATION).filter(([, entry]) => entry.unconditional);
    expect(unconditional.map(([action]) => action)).toEqual(['sts:GetCallerIdentity']);
  });
});
