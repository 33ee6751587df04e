import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CreateTrailCommand } from '@aws-sdk/client-cloudtrail';
import { AttachPolicyCommand, CreatePolicyCommand } from '@aws-sdk/client-organizations';
import { given, givenIam, uniqueName } from '../support/given';
import { TestApp } from '../support/test-app';

/** The corpus of simulation cases the policy engine's unit tests also run. */
const CORPUS = path.resolve(__dirname, '../../libs/policy/fixtures/iam-corpus.jsonl');

interface CorpusCase {
  id: string;
  request: object;
  policies: object;
  expected: { decision: string; awsDocs?: string };
}

describe('POST /v1/iam/simulate and /v1/iam/simulate-principal', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  it('replays iam.md §8 cases over HTTP with the answers of the corpus (every 8th of 2,000 cases)', async () => {
    const cases = readFileSync(CORPUS, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as CorpusCase)
      .filter((_, index) => index % 8 === 0);
    expect(cases.length).toBe(250);
    const rest = app.rest(await given.account(app));
    const disagreements: string[] = [];
    for (const corpusCase of cases) {
      const response = await rest.post('/v1/iam/simulate', {
        request: corpusCase.request,
        policies: corpusCase.policies,
      });
      const expected = corpusCase.expected.awsDocs ?? corpusCase.expected.decision;
      if (response.status !== 200 || response.body.decision !== expected) {
        disagreements.push(
          `${corpusCase.id}: ${response.status} ${JSON.stringify(response.body)} ≠ ${expected}`,
        );
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('answers the decision with its reason and, for denials, the AWS message', async () => {
    const rest = app.rest(await given.account(app));
    const request = {
      principal: { arn: 'arn:aws:iam::111111111111:user/alice', account: '111111111111', type: 'User' },
      action: 'cloudtrail:StopLogging',
      resource: { arn: 'arn:aws:cloudtrail:us-east-1:111111111111:trail/audit', account: '111111111111' },
      context: { 'aws:RequestedRegion': 'us-east-1' },
    };
    const admin = {
      name: 'AdministratorAccess',
      document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
    };
    const allowed = await rest.post('/v1/iam/simulate', {
      request,
      policies: { identity: [admin], scpPath: [], resource: null },
    });
    expect(allowed.body).toEqual({
      decision: 'Allow',
      reason: expect.objectContaining({
        kind: 'identity',
        policyName: 'AdministratorAccess',
        statementIndex: 0,
      }),
    });

    const deny = {
      name: 'KeepLogging',
      document: {
        Version: '2012-10-17',
        Statement: [{ Sid: 'NoStop', Effect: 'Deny', Action: 'cloudtrail:StopLogging', Resource: '*' }],
      },
    };
    const denied = await rest.post('/v1/iam/simulate', {
      request,
      policies: { identity: [admin], scpPath: [[deny]], resource: null },
    });
    expect(denied.body).toEqual({
      decision: 'ExplicitDeny',
      reason: expect.objectContaining({ kind: 'scp', policyName: 'KeepLogging', sid: 'NoStop' }),
      message:
        'User: arn:aws:iam::111111111111:user/alice is not authorized to perform: cloudtrail:StopLogging on resource: arn:aws:cloudtrail:us-east-1:111111111111:trail/audit with an explicit deny in a service control policy',
    });

    const malformed = await rest.post('/v1/iam/simulate', {
      request,
      policies: {
        identity: [{ name: 'Broken', document: { Statement: [{ Effect: 'Maybe' }] } }],
        scpPath: [],
        resource: null,
      },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('MalformedPolicyDocument');
    expect(malformed.body.error.message).toContain('Broken');
    const shapeless = await rest.post('/v1/iam/simulate', {
      request: { action: 'cloudtrail:GetTrail' },
      policies: {},
    });
    expect(shapeless.status).toBe(400);
    expect(shapeless.body.error.code).toBe('ValidationError');
  });

  it('decides each action and resource for a principal of the account, with its SCPs and the resource rules', async () => {
    const org = await given.organization(app, { serviceControlPolicies: true });
    const member = await given.member(app, org);
    const client = app.organizations(org.management);
    const { Policy } = await client.send(
      new CreatePolicyCommand({
        Content: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Sid: 'NoDelete', Effect: 'Deny', Action: 'cloudtrail:DeleteTrail', Resource: '*' }],
        }),
        Description: '',
        Name: uniqueName('scp'),
        Type: 'SERVICE_CONTROL_POLICY',
      }),
    );
    await client.send(
      new AttachPolicyCommand({ PolicyId: Policy!.PolicySummary!.Id!, TargetId: member.accountId }),
    );
    const user = await givenIam.user(app, member, { managedPolicies: ['AWSCloudTrail_FullAccess'] });
    const name = uniqueName('t');
    const { TrailARN: ownTrail } = await app
      .cloudtrail(member)
      .send(new CreateTrailCommand({ Name: name, S3BucketName: 'logs' }));
    const { TrailARN: foreignTrail } = await app
      .cloudtrail(org.management)
      .send(new CreateTrailCommand({ Name: uniqueName('f'), S3BucketName: 'logs' }));

    const response = await app.rest(member).post('/v1/iam/simulate-principal', {
      policySourceArn: user.arn,
      actionNames: [
        'cloudtrail:GetTrail',
        'cloudtrail:DeleteTrail',
        'organizations:ListAccounts',
        'iam:CreateUser',
      ],
      resourceArns: [ownTrail, foreignTrail],
    });
    expect(response.status).toBe(200);
    const decisions = Object.fromEntries(
      (response.body.results as Array<{ action: string; resource: string; decision: string }>).map((r) => [
        `${r.action} ${r.resource === ownTrail ? 'own' : 'foreign'}`,
        r.decision,
      ]),
    );
    expect(decisions).toEqual({
      'cloudtrail:GetTrail own': 'Allow',
      'cloudtrail:GetTrail foreign': 'ImplicitDeny',
      'cloudtrail:DeleteTrail own': 'ExplicitDeny',
      'cloudtrail:DeleteTrail foreign': 'ExplicitDeny',
      // AWSCloudTrail_FullAccess grants it on `*`; the foreign trail is another account's resource.
      'organizations:ListAccounts own': 'Allow',
      'organizations:ListAccounts foreign': 'ImplicitDeny',
      'iam:CreateUser own': 'ImplicitDeny',
      'iam:CreateUser foreign': 'ImplicitDeny',
    });
    const scpDenial = (
      response.body.results as Array<{
        action: string;
        reason: { kind: string; sid?: string };
        error?: { code: string };
      }>
    ).find((r) => r.action === 'cloudtrail:DeleteTrail');
    expect(scpDenial).toMatchObject({
      reason: { kind: 'scp', sid: 'NoDelete' },
      error: { code: 'AccessDeniedException' },
    });

    const regional = await app.rest(member).post('/v1/iam/simulate-principal', {
      policySourceArn: user.arn,
      actionNames: ['cloudtrail:GetTrail'],
      contextEntries: { 'aws:RequestedRegion': 'eu-west-1' },
    });
    expect(regional.body.results).toEqual([expect.objectContaining({ resource: '*', decision: 'Allow' })]);

    const unknown = await app.rest(member).post('/v1/iam/simulate-principal', {
      policySourceArn: `arn:aws:iam::${member.accountId}:user/nobody`,
      actionNames: ['cloudtrail:GetTrail'],
    });
    expect(unknown.body.error.code).toBe('NoSuchEntity');
  });
});
