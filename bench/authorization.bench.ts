/**
 * P6 route benchmark (PERFORMANCE.md): throughput of an in-memory GetTrail route on Nest + Fastify with
 * the real `AuthorizationGuard` and `Authorizer` (a typical principal: 20 identity statements in 4
 * policies, a three-level SCP path, policy set cached for its generation) against the same route
 * without the guard, in the same run; plus the guard's work per request without HTTP. Run after
 * `npm run build`: `node dist/bench/authorization.bench.js`.
 *
 * Both routes go through the same stand-in for authentication (it sets the caller as SigV4 would),
 * so the ratio isolates authorization. The server runs in a child process; each figure is the median
 * of 5 interleaved repetitions after a warm-up; absolute numbers are for information only.
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import {
  type CanActivate,
  Controller,
  type ExecutionContext,
  Get,
  Injectable,
  Module,
  NotFoundException,
  Param,
  SetMetadata,
} from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  AuthorizationGenerationRepository,
  Authorizer,
  IamRoleRepository,
  IamUserRepository,
  IdentityPolicyRepository,
  OrganizationPolicySource,
  ResourceControlPaths,
  RESOURCE_FACTS_SOURCES,
} from '@app/iam';
import { Clock, LOGGER, type Principal, type RequestContext, TransactionRunner } from '@app/platform';
import { PolicyCache } from '@app/policy';
import pino from 'pino';
import { GetTrail } from '@app/trails';
import { type FastifyRequest } from 'fastify';

interface AutocannonResult {
  readonly requests: { readonly average: number };
  readonly non2xx: number;
  readonly errors: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
}) => Promise<AutocannonResult>;
const autocannon = createRequire(__filename)('autocannon') as Autocannon;

const ACCOUNT = '222222222222';
const UNGUARDED = 'bench:unguarded';
const CONNECTIONS = 50;
const SECONDS = 3;
const REPETITIONS = 5;

const principal: Principal = {
  type: 'IAMUser',
  accountId: ACCOUNT,
  arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
  principalId: 'AIDABENCHALICE000001',
  accessKeyId: 'AKIABENCHALICE000001',
  userName: 'alice',
  isPartitionOperator: false,
};

const doc = (statements: object[]): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

/** 20 statements in 4 policies: guard rails as conditional denies that do not fire, the grant among them. */
const IDENTITY = [
  doc([
    {
      Sid: 'NoOrgChanges',
      Effect: 'Deny',
      Action: 'organizations:*',
      Resource: '*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
    { Sid: 'NoIam', Effect: 'Deny', Action: 'iam:*', Resource: '*' },
    {
      Sid: 'OnlyHere',
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } },
    },
    {
      Sid: 'Office',
      Effect: 'Deny',
      Action: 'cloudtrail:*',
      Resource: '*',
      Condition: { NotIpAddress: { 'aws:SourceIp': ['127.0.0.0/8', '10.0.0.0/8'] } },
    },
    { Sid: 'Keys', Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' },
  ]),
  doc([
    { Sid: 'Lookups', Effect: 'Allow', Action: 'cloudtrail:LookupEvents', Resource: '*' },
    {
      Sid: 'Status',
      Effect: 'Allow',
      Action: 'cloudtrail:GetTrailStatus',
      Resource: `arn:aws:cloudtrail:*:${ACCOUNT}:trail/*`,
    },
    {
      Sid: 'Selectors',
      Effect: 'Allow',
      Action: 'cloudtrail:Get*Selectors',
      Resource: `arn:aws:cloudtrail:*:${ACCOUNT}:trail/*`,
    },
    { Sid: 'Tags', Effect: 'Allow', Action: 'cloudtrail:ListTags', Resource: '*' },
    { Sid: 'NoStop', Effect: 'Deny', Action: 'cloudtrail:StopLogging', Resource: '*' },
  ]),
  doc([
    {
      Sid: 'Buckets',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:ListBucket'],
      Resource: 'arn:aws:s3:::audit-*',
    },
    { Sid: 'PassRole', Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::*:role/CloudTrail*' },
    {
      Sid: 'Admins',
      Effect: 'Allow',
      Action: 'organizations:*',
      Resource: '*',
      Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/OrgAdmin*' } },
    },
    { Sid: 'Describe', Effect: 'Allow', Action: 'cloudtrail:Describe*', Resource: '*' },
    { Sid: 'List', Effect: 'Allow', Action: 'cloudtrail:List*', Resource: '*' },
  ]),
  doc([
    {
      Sid: 'NoPublicKeys',
      Effect: 'Deny',
      Action: 'cloudtrail:ListPublicKeys',
      Resource: '*',
      Condition: { Null: { 'aws:username': 'true' } },
    },
    {
      Sid: 'Insights',
      Effect: 'Allow',
      Action: 'cloudtrail:GetInsightSelectors',
      Resource: `arn:aws:cloudtrail:*:${ACCOUNT}:trail/*`,
    },
    {
      Sid: 'Create',
      Effect: 'Allow',
      Action: 'cloudtrail:CreateTrail',
      Resource: `arn:aws:cloudtrail:*:${ACCOUNT}:trail/\${aws:username}-*`,
    },
    {
      Sid: 'ReadTrails',
      Effect: 'Allow',
      Action: ['cloudtrail:Get*', 'cloudtrail:Describe*'],
      Resource: `arn:aws:cloudtrail:*:${ACCOUNT}:trail/*`,
      Condition: { StringEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } },
    },
    { Sid: 'Versions', Effect: 'Allow', Action: 'iam:GetPolicyVersion', Resource: '*' },
  ]),
];

const FULL = doc([{ Effect: 'Allow', Action: '*', Resource: '*' }]);
const SCP_PATH = [
  [FULL],
  [
    FULL,
    doc([
      {
        Effect: 'Deny',
        Action: ['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail', 'cloudtrail:UpdateTrail'],
        Resource: '*',
        Condition: { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/OrgAdmin*' } },
      },
    ]),
  ],
  [FULL],
];

const TRAILS = new Map(
  ['audit', 'security', 'ops'].map((name) => [
    name,
    {
      name,
      trailArn: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/${name}`,
      homeRegion: 'us-east-1',
      s3BucketName: 'audit-logs',
      isMultiRegionTrail: true,
      isOrganizationTrail: false,
    },
  ]),
);

function getTrail(name: string): object {
  const trail = TRAILS.get(name);
  if (!trail) throw new NotFoundException();
  return trail;
}

@Controller('v1')
class BenchTrailsController {
  @Get('trails/:trail')
  guarded(@Param('trail') trail: string): object {
    return getTrail(trail);
  }

  /** The same route, which the authorization guard skips. */
  @Get('unguarded/trails/:trail')
  @SetMetadata(UNGUARDED, true)
  unguarded(@Param('trail') trail: string): object {
    return getTrail(trail);
  }
}

/**
 * The operation runner's authorization step for GetTrail, with a stand-in for SigV4 (the caller as
 * authentication resolves it, generation 1): prepare the caller's policy set, compute the operation's
 * resources, decide.
 */
@Injectable()
class AuthorizationStep implements CanActivate {
  constructor(private readonly authorizer: Authorizer) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    if (Reflect.getMetadata(UNGUARDED, execution.getHandler()) === true) return true;
    const request = execution.switchToHttp().getRequest<FastifyRequest<{ Params: { trail: string } }>>();
    const ctx = context(request.id);
    const caller = await this.authorizer.prepare(ctx, 1);
    const resources = await (GetTrail.resources?.(
      { name: request.params.trail },
      {
        partition: ctx.partition,
        region: ctx.region,
        accountId: ctx.accountId,
        organization: caller.policies.organization,
        read: () => Promise.reject(new Error('no reads in this benchmark')),
        resolve: () => {
          throw new Error('no providers in this benchmark');
        },
      },
    ) ?? []);
    const outcome = await this.authorizer.decide(caller, 'cloudtrail:GetTrail', resources);
    if (outcome.error) throw outcome.error;
    return true;
  }
}

function context(requestId: string): RequestContext {
  return {
    requestId,
    principal,
    accountId: ACCOUNT,
    region: 'us-east-1',
    partition: 'aws',
    sourceIp: '127.0.0.1',
    userAgent: 'bench',
    receivedAt: new Date(),
    secureTransport: false,
  };
}

const identityPolicies = {
  forHolder: async () => ({
    tags: [],
    policies: IDENTITY.map((document, index) => ({
      id: `p${index}`,
      version: 'v1',
      name: `Policy${index}`,
      document,
    })),
  }),
};

const organizationPolicies = {
  forAccount: async () => ({
    organizationId: 'o-benchorg01',
    managementAccountId: '111111111111',
    rcpPath: [],
    scpPath: SCP_PATH.map((level, depth) =>
      level.map((document, index) => ({
        id: `s${depth}.${index}`,
        version: '1',
        name: `Scp${depth}.${index}`,
        kind: 'scp' as const,
        document,
      })),
    ),
  }),
};

@Module({
  controllers: [BenchTrailsController],
  providers: [
    { provide: TransactionRunner, useValue: { read: (work: (em: unknown) => unknown) => work({}) } },
    { provide: IdentityPolicyRepository, useValue: identityPolicies },
    { provide: OrganizationPolicySource, useValue: organizationPolicies },
    { provide: RESOURCE_FACTS_SOURCES, useValue: [] },
    { provide: IamUserRepository, useValue: {} },
    { provide: IamRoleRepository, useValue: {} },
    { provide: PolicyCache, useValue: new PolicyCache() },
    { provide: Clock, useValue: new Clock() },
    { provide: LOGGER, useValue: pino({ level: 'silent' }) },
    { provide: AuthorizationGenerationRepository, useValue: {} },
    ResourceControlPaths,
    Authorizer,
    { provide: APP_GUARD, useClass: AuthorizationStep },
  ],
})
class BenchModule {}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function throughput(url: string, seconds: number): Promise<number> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

/** The guard's decision work per request (policy set cached): prepare + decide, in microseconds. */
async function decisionMicros(authorizer: Authorizer): Promise<number> {
  const resources = [
    { arn: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/audit`, account: ACCOUNT, kind: 'trail' as const },
  ];
  const samples: number[] = [];
  for (let batch = 0; batch < 101; batch++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < 1_000; i++) {
      const caller = await authorizer.prepare(context('r'), 1);
      const outcome = await authorizer.decide(caller, 'cloudtrail:GetTrail', resources);
      if (outcome.decision !== 'Allow') throw new Error('The benchmark principal must be allowed');
    }
    samples.push(Number(process.hrtime.bigint() - start) / 1e3 / 1_000);
  }
  return median(samples);
}

/** The server runs in a child process, so that the load generator does not take its CPU. */
async function serve(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(
    BenchModule,
    new FastifyAdapter({ logger: false }),
    {
      logger: false,
    },
  );
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const micros = await decisionMicros(app.get(Authorizer));
  process.send?.({ port, micros });
  process.on('disconnect', () => void app.close().then(() => process.exit(0)));
}

async function main(): Promise<void> {
  const server = fork(__filename, ['serve'], { stdio: 'inherit' });
  const [{ port, micros }] = (await once(server, 'message')) as [{ port: number; micros: number }];
  const base = `http://127.0.0.1:${port}/v1`;
  try {
    const guardedUrl = `${base}/trails/audit`;
    const unguardedUrl = `${base}/unguarded/trails/audit`;
    await throughput(guardedUrl, 1);
    await throughput(unguardedUrl, 1);
    const guarded: number[] = [];
    const unguarded: number[] = [];
    // Interleaved, alternating which goes first: the second of two runs tends to be slower here.
    for (let repetition = 0; repetition < REPETITIONS; repetition++) {
      if (repetition % 2 === 0) {
        unguarded.push(await throughput(unguardedUrl, SECONDS));
        guarded.push(await throughput(guardedUrl, SECONDS));
      } else {
        guarded.push(await throughput(guardedUrl, SECONDS));
        unguarded.push(await throughput(unguardedUrl, SECONDS));
      }
    }
    const g = median(guarded);
    const u = median(unguarded);
    console.log('figure | value | baseline | ratio');
    console.log(
      `P6 in-memory GetTrail route, guarded / unguarded (req/s, ${CONNECTIONS} connections) | ${g.toFixed(0)} | ${u.toFixed(0)} | ${(g / u).toFixed(2)} (goal ≥ 0.80)`,
    );
    console.log(
      `P6 guard work per request, p50 (prepare + decide, cached policy set) | ${micros.toFixed(2)} µs | 10 µs | ${(micros / 10).toFixed(2)} of the goal`,
    );
  } finally {
    server.disconnect();
  }
}

(process.argv[2] === 'serve' ? serve() : main()).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
