/**
 * P6 micro-benchmark of policy evaluation (PERFORMANCE.md, issue 4 "bench:policy"). Run after `npm run build`:
 * `node dist/bench/policy.bench.js`.
 *
 * Figures: evaluations per second of (a) one allow statement and (b) 20 identity statements with conditions
 * under a three-level SCP path, for our engine and, in the same run, for @cloud-copilot/iam-simulate's
 * `runSimulation` and `runUnsafeSimulation` (the baselines); and our p50 per evaluation against the P6 targets
 * (1 µs and 10 µs). Each figure is the median of 3 interleaved repetitions after a warm-up.
 */
import {
  compilePolicy,
  evaluate,
  evaluateCase,
  parsePolicyDocument,
  type AuthorizationRequest,
  type PolicySet,
  type SimulationCase,
  type SimulationPolicy,
} from '@app/policy';
import { runSimulation, runUnsafeSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { loadAverage, median, printReport } from './support/report';

const MEASURE_SECONDS = 1;
const WARM_UP_SECONDS = 0.5;
const REPETITIONS = 3;
const P50_BATCHES = 301;
const P50_BATCH_SIZE = 1_000;

const TRAIL = 'arn:aws:cloudtrail:us-east-1:222222222222:trail/audit-1';

const request: AuthorizationRequest = {
  principal: { arn: 'arn:aws:iam::222222222222:user/alice', account: '222222222222', type: 'User' },
  action: 'cloudtrail:GetTrail',
  resource: { arn: TRAIL, account: '222222222222' },
  context: {
    'aws:PrincipalAccount': '222222222222',
    'aws:PrincipalArn': 'arn:aws:iam::222222222222:user/alice',
    'aws:PrincipalOrgID': 'o-exampleorg1',
    'aws:PrincipalType': 'User',
    'aws:username': 'alice',
    'aws:PrincipalTag/team': 'blue',
    'aws:RequestedRegion': 'us-east-1',
    'aws:SourceIp': '203.0.113.10',
    'aws:CurrentTime': '2026-03-01T12:00:00Z',
    'aws:SecureTransport': 'true',
    'aws:MultiFactorAuthPresent': 'true',
    'aws:ResourceAccount': '222222222222',
    'aws:ResourceTag/env': 'prod',
  },
};

const oneAllow: SimulationCase = {
  request,
  policies: {
    identity: [
      {
        name: 'ReadTrail',
        document: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'cloudtrail:GetTrail', Resource: TRAIL }],
        },
      },
    ],
    scpPath: [],
    resource: null,
  },
};

const FULL_AWS_ACCESS: SimulationPolicy = {
  name: 'FullAWSAccess',
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
};

/** A realistic administrator: 20 statements in 4 policies, guard rails as conditional denies that do not fire,
 * and the granting statement last, so that every statement naming the action is evaluated. */
const twentyStatements: SimulationCase = {
  request,
  policies: {
    identity: [
      {
        name: 'Guardrails',
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'NoStopping',
              Effect: 'Deny',
              Action: ['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail'],
              Resource: '*',
            },
            {
              Sid: 'OnlyFromOffice',
              Effect: 'Deny',
              Action: '*',
              Resource: '*',
              Condition: { NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] } },
            },
            {
              Sid: 'OnlyOverTls',
              Effect: 'Deny',
              Action: 'cloudtrail:*',
              Resource: '*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
            {
              Sid: 'OnlyApprovedRegions',
              Effect: 'Deny',
              NotAction: ['iam:*', 'organizations:*', 'sts:*'],
              Resource: '*',
              Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } },
            },
            {
              Sid: 'NotAfterExpiry',
              Effect: 'Deny',
              Action: 'cloudtrail:*',
              Resource: '*',
              Condition: { DateGreaterThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } },
            },
          ],
        },
      },
      {
        name: 'TeamTrails',
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'OtherTeamsTrails',
              Effect: 'Deny',
              Action: 'cloudtrail:*',
              Resource: 'arn:aws:cloudtrail:*:*:trail/*',
              Condition: { StringNotLike: { 'aws:ResourceTag/env': ['prod', '${aws:PrincipalTag/team}-*'] } },
            },
            {
              Sid: 'OwnTrails',
              Effect: 'Allow',
              Action: ['cloudtrail:Create*', 'cloudtrail:Update*', 'cloudtrail:Put*'],
              Resource: 'arn:aws:cloudtrail:*:${aws:PrincipalAccount}:trail/${aws:username}-*',
            },
            {
              Sid: 'Tagging',
              Effect: 'Allow',
              Action: ['cloudtrail:AddTags', 'cloudtrail:RemoveTags'],
              Resource: '*',
              Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env', 'owner'] } },
            },
            { Sid: 'Events', Effect: 'Allow', Action: 'cloudtrail:LookupEvents', Resource: '*' },
            {
              Sid: 'MfaForWrites',
              Effect: 'Deny',
              Action: ['cloudtrail:Delete*', 'cloudtrail:Stop*'],
              Resource: '*',
              Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
            },
          ],
        },
      },
      {
        name: 'Organizations',
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'ReadOrg',
              Effect: 'Allow',
              Action: ['organizations:Describe*', 'organizations:List*'],
              Resource: '*',
            },
            {
              Sid: 'NoLeaving',
              Effect: 'Deny',
              Action: 'organizations:LeaveOrganization',
              Resource: '*',
            },
            {
              Sid: 'OwnOrg',
              Effect: 'Deny',
              Action: 'organizations:*',
              Resource: '*',
              Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-exampleorg1' } },
            },
            {
              Sid: 'PassRole',
              Effect: 'Allow',
              Action: 'iam:PassRole',
              Resource: 'arn:aws:iam::*:role/CloudTrail*',
            },
            {
              Sid: 'Admins',
              Effect: 'Allow',
              Action: 'organizations:*',
              Resource: '*',
              Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/OrgAdmin*' } },
            },
          ],
        },
      },
      {
        name: 'CloudTrailRead',
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'Buckets',
              Effect: 'Allow',
              Action: ['s3:GetObject', 's3:ListBucket'],
              Resource: 'arn:aws:s3:::audit-*',
            },
            {
              Sid: 'Insights',
              Effect: 'Allow',
              Action: 'cloudtrail:GetInsightSelectors',
              Resource: 'arn:aws:cloudtrail:*:222222222222:trail/*',
            },
            {
              Sid: 'NoPublicKeys',
              Effect: 'Deny',
              Action: 'cloudtrail:ListPublicKeys',
              Resource: '*',
              Condition: { Null: { 'aws:PrincipalTag/team': 'true' } },
            },
            {
              Sid: 'ReadTrailsInRegion',
              Effect: 'Allow',
              Action: ['cloudtrail:Get*', 'cloudtrail:Describe*', 'cloudtrail:List*'],
              Resource: 'arn:aws:cloudtrail:*:222222222222:trail/*',
              Condition: {
                StringEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] },
                StringLike: { 'aws:PrincipalTag/team': ['blue', 'red'] },
              },
            },
            {
              Sid: 'ReadTrailsEverywhere',
              Effect: 'Allow',
              Action: 'cloudtrail:GetTrail',
              Resource: 'arn:aws:cloudtrail:*:222222222222:trail/*',
              Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
            },
          ],
        },
      },
    ],
    scpPath: [
      [FULL_AWS_ACCESS],
      [
        {
          name: 'AllowListedServices',
          document: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: ['cloudtrail:*', 'organizations:Describe*', 'organizations:List*'],
                Resource: '*',
              },
            ],
          },
        },
        {
          name: 'ProtectTrails',
          document: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Deny',
                Action: ['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail', 'cloudtrail:UpdateTrail'],
                Resource: '*',
                Condition: { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/OrgAdmin*' } },
              },
            ],
          },
        },
      ],
      [FULL_AWS_ACCESS],
    ],
    resource: null,
  },
};

function compileCase(simulationCase: SimulationCase): PolicySet {
  const { policies } = simulationCase;
  const compile = (kind: 'identity' | 'scp', { name, document }: SimulationPolicy) =>
    compilePolicy(parsePolicyDocument(document, kind), name);
  return {
    identity: policies.identity.map((policy) => compile('identity', policy)),
    scpPath: policies.scpPath.map((level) => level.map((policy) => compile('scp', policy))),
    resource: null,
  };
}

function toSimulation(simulationCase: SimulationCase): Simulation {
  const { request: caseRequest, policies } = simulationCase;
  const levels = policies.scpPath;
  return {
    request: {
      principal: caseRequest.principal.arn,
      action: caseRequest.action,
      resource: { resource: caseRequest.resource.arn, accountId: caseRequest.resource.account },
      contextVariables: { ...caseRequest.context } as Record<string, string | string[]>,
    },
    identityPolicies: policies.identity.map(({ name, document }) => ({ name, policy: document })),
    serviceControlPolicies: levels.map((level, index) => ({
      orgIdentifier:
        index === 0
          ? 'r-root'
          : index === levels.length - 1
            ? caseRequest.principal.account
            : `ou-level-${index}`,
      policies: level.map(({ name, document }) => ({ name, policy: document })),
    })),
    resourceControlPolicies: [],
  };
}

/** Evaluations per second of a synchronous evaluator, over `seconds`. */
function perSecond(evaluateOnce: () => unknown, seconds: number): number {
  const deadline = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  const start = process.hrtime.bigint();
  let count = 0;
  let now = start;
  while (now < deadline) {
    for (let i = 0; i < 256; i++) evaluateOnce();
    count += 256;
    now = process.hrtime.bigint();
  }
  return (count * 1e9) / Number(now - start);
}

async function perSecondAsync(evaluateOnce: () => Promise<unknown>, seconds: number): Promise<number> {
  const deadline = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  const start = process.hrtime.bigint();
  let count = 0;
  let now = start;
  while (now < deadline) {
    await evaluateOnce();
    count++;
    now = process.hrtime.bigint();
  }
  return (count * 1e9) / Number(now - start);
}

/** Median time of one evaluation, in microseconds, over batches (one call is below the timer's resolution). */
function p50Micros(evaluateOnce: () => unknown): number {
  const perEvaluation: number[] = [];
  for (let batch = 0; batch < P50_BATCHES; batch++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < P50_BATCH_SIZE; i++) evaluateOnce();
    perEvaluation.push(Number(process.hrtime.bigint() - start) / P50_BATCH_SIZE / 1_000);
  }
  return median(perEvaluation);
}

interface Contender {
  readonly label: string;
  readonly measure: (seconds: number) => Promise<number>;
}

async function main(): Promise<void> {
  const load = loadAverage();
  const cases = {
    '(a) one allow statement': oneAllow,
    '(b) 20 statements + 3-level SCP path': twentyStatements,
  };
  const rows: string[][] = [];
  for (const [title, simulationCase] of Object.entries(cases)) {
    const policySet = compileCase(simulationCase);
    const simulation = toSimulation(simulationCase);
    const ours = evaluate(simulationCase.request, policySet).decision;
    const safe = await runSimulation(simulation, {});
    const unsafe = runUnsafeSimulation(simulation, {});
    if (
      ours !== 'Allow' ||
      safe.resultType === 'error' ||
      safe.overallResult !== 'Allowed' ||
      unsafe !== 'Allowed'
    ) {
      throw new Error(
        `${title}: engines disagree (ours ${ours}, runSimulation ${JSON.stringify(safe)}, runUnsafeSimulation ${unsafe})`,
      );
    }
    const contenders: Contender[] = [
      {
        label: 'ours',
        measure: async (seconds) => perSecond(() => evaluate(simulationCase.request, policySet), seconds),
      },
      {
        label: 'runSimulation',
        measure: (seconds) => perSecondAsync(() => runSimulation(simulation, {}), seconds),
      },
      {
        label: 'runUnsafeSimulation',
        measure: async (seconds) => perSecond(() => runUnsafeSimulation(simulation, {}), seconds),
      },
      {
        label: 'evaluateCase',
        measure: async (seconds) => perSecond(() => evaluateCase(simulationCase), seconds),
      },
    ];
    for (const contender of contenders) await contender.measure(WARM_UP_SECONDS);
    const samples = new Map<string, number[]>(contenders.map((contender) => [contender.label, []]));
    for (let repetition = 0; repetition < REPETITIONS; repetition++) {
      for (const contender of contenders)
        samples.get(contender.label)?.push(await contender.measure(MEASURE_SECONDS));
    }
    const rate = (label: string) => median(samples.get(label) ?? []);
    const p50 = median(
      Array.from({ length: REPETITIONS }, () => p50Micros(() => evaluate(simulationCase.request, policySet))),
    );
    const target = title.startsWith('(a)') ? 1 : 10;
    rows.push(
      [
        `${title}: ours vs runSimulation (evaluations/s)`,
        count(rate('ours')),
        count(rate('runSimulation')),
        times(rate('ours') / rate('runSimulation')),
      ],
      [
        `${title}: ours vs runUnsafeSimulation (evaluations/s)`,
        count(rate('ours')),
        count(rate('runUnsafeSimulation')),
        times(rate('ours') / rate('runUnsafeSimulation')),
      ],
      [
        `${title}: evaluateCase, parsing every call, vs runUnsafeSimulation (evaluations/s)`,
        count(rate('evaluateCase')),
        count(rate('runUnsafeSimulation')),
        times(rate('evaluateCase') / rate('runUnsafeSimulation')),
      ],
      [
        `${title}: ours p50 per evaluation vs P6 target`,
        `${p50.toFixed(3)} µs`,
        `${target} µs`,
        (p50 / target).toFixed(3),
      ],
    );
  }
  printReport(
    'policy',
    rows.map(([figure, value, baseline, ratio]) => ({ figure, value, baseline, ratio, goal: '', met: null })),
    load,
  );
}

function count(perSecondValue: number): string {
  return Math.round(perSecondValue).toLocaleString('en-US');
}

function times(ratio: number): string {
  return `${ratio >= 100 ? Math.round(ratio).toLocaleString('en-US') : ratio.toFixed(1)}×`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
