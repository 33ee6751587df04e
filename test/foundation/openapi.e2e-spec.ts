import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Logger } from '@nestjs/common';
import { type ErrorCode, restStatusOf } from '@app/platform';
import { AwsProtocolController } from '../../apps/api/src/aws-json/aws-protocol.controller';
import { givenIam } from '../support/given';
import { openApiDocument, type OpenApiDocument, schemaProblems } from '../support/openapi-document';
import { OPERATOR, TestApp } from '../support/test-app';

const run = promisify(execFile);
const PUBLIC_PATHS = ['/healthz', '/readyz'];

/** Every documented operation, with its path template and method. */
function operationsOf(document: OpenApiDocument) {
  return Object.entries(document.paths).flatMap(([template, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      key: `${method.toUpperCase()} ${template}`,
      template,
      operation,
    })),
  );
}

describe('the OpenAPI document at /docs', () => {
  let app: TestApp;
  let document: OpenApiDocument;
  let warnings: string[];
  beforeAll(async () => {
    const warn = jest.spyOn(Logger, 'warn');
    app = await TestApp.start();
    warnings = warn.mock.calls.map(([message]) => String(message));
    warn.mockRestore();
    document = await openApiDocument(app);
  });
  afterAll(() => app.close());

  it('gives every operation a summary, a description and a unique id', () => {
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(100);
    expect(
      operations.filter(({ operation }) => !operation.summary?.trim() || !operation.description?.trim()),
    ).toEqual([]);
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(ids.filter((id, i) => !id || ids.indexOf(id) !== i)).toEqual([]);
  });

  it('requires SigV4 on every operation but health and readiness', () => {
    for (const { key, template, operation } of operationsOf(document)) {
      const expected = PUBLIC_PATHS.includes(template) ? undefined : [{ sigv4: [] }];
      expect([key, operation.security]).toEqual([key, expected]);
    }
  });

  it('documents every REST operation’s parameters, answer and error codes with their statuses', () => {
    const problems: string[] = [];
    for (const { key, template, operation } of operationsOf(document).filter((o) =>
      o.template.startsWith('/v1/'),
    )) {
      const parameters = operation.parameters ?? [];
      for (const [, name] of template.matchAll(/\{(\w+)\}/g)) {
        if (!parameters.some((p) => p.in === 'path' && p.name === name && p.description))
          problems.push(`${key}: path ${name}`);
      }
      for (const query of parameters.filter((p) => p.in === 'query' && !p.description))
        problems.push(`${key}: query ${query.name}`);
      const statuses = Object.keys(operation.responses).map(Number);
      const success = statuses.filter((status) => status < 300);
      if (success.length !== 1) problems.push(`${key}: success statuses ${success.join(', ')}`);
      for (const status of success.filter((s) => s !== 204)) {
        if (!operation.responses[status].content?.['application/json']?.schema)
          problems.push(`${key}: ${status} schema`);
      }
      const errors = statuses.filter((status) => status >= 400);
      if (!errors.includes(403) || !errors.includes(500))
        problems.push(`${key}: error statuses ${errors.join(', ')}`);
      for (const status of errors) {
        const schema = operation.responses[status].content?.['application/json']?.schema;
        const codes = (schema?.properties?.error?.properties?.code?.enum ?? []) as ErrorCode[];
        if (codes.length === 0) problems.push(`${key}: ${status} lists no code`);
        for (const code of codes.filter((c) => restStatusOf(c) !== status))
          problems.push(`${key}: ${code} under ${status}`);
      }
    }
    expect(problems).toEqual([]);
    // A route reads a missing body as `{}`: only a body with required members is required.
    expect(document.paths['/v1/trails'].post.requestBody?.required).toBe(true);
    expect(document.paths['/v1/organization'].post.requestBody?.required).toBe(false);
  });

  it('declares the SigV4 security scheme and how to call the API with curl', () => {
    expect(document.components.securitySchemes?.sigv4).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
      description: expect.stringMatching(
        /Signature Version 4[\s\S]*X-Amz-Date[\s\S]*X-Amz-Security-Token[\s\S]*x-amz-\*/,
      ),
    });
    expect(document.info.description).toContain(
      'curl --aws-sigv4 "aws:amz:us-east-1:trailplane" --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"',
    );
    expect(document.info.description).toContain('-H "x-amz-security-token: $AWS_SESSION_TOKEN"');
  });

  it('shows curl calls that work, with temporary credentials too', async () => {
    const curl = async (credentials: { accessKeyId: string; secretAccessKey: string }, ...args: string[]) => {
      const { stdout } = await run('curl', [
        '-sS',
        '--aws-sigv4',
        'aws:amz:us-east-1:trailplane',
        '--user',
        `${credentials.accessKeyId}:${credentials.secretAccessKey}`,
        ...args,
      ]);
      return JSON.parse(stdout) as Record<string, unknown>;
    };
    expect(await curl(OPERATOR, `${app.url}/v1/account/regions`)).toMatchObject({
      regions: expect.any(Array),
    });

    const user = await givenIam.user(app, OPERATOR, { inlinePolicies: { Assume: ALLOW_ASSUME_ROLE } });
    const roleArn = await givenIam.role(app, OPERATOR, { trustedPrincipals: [user.arn] });
    const session = await givenIam.session(app, user, roleArn);
    const identity = await curl(
      session,
      '-H',
      `x-amz-security-token: ${session.sessionToken}`,
      `${app.url}/v1/sts/caller-identity`,
    );
    expect(identity).toMatchObject({ arn: session.arn });
  });

  it('documents the AWS protocol endpoint with every operation it serves and its error shapes', () => {
    const served = app.get(AwsProtocolController).operations();
    const targets = served.filter((s) => s.protocol === 'aws-json').flatMap((s) => s.targets);
    const actions = served.filter((s) => s.protocol === 'aws-query').flatMap((s) => s.targets);
    expect(targets).toEqual(
      expect.arrayContaining([
        'CloudTrail_20131101.CreateTrail',
        'AWSOrganizationsV20161128.CreateOrganization',
      ]),
    );
    expect(actions).toContain('AssumeRole');
    const post = document.paths['/'].post;
    expect(post.security).toEqual([{ sigv4: [] }]);
    const target = post.parameters?.find((p) => p.name === 'X-Amz-Target') as {
      schema?: { enum?: string[] };
    };
    expect(target.schema?.enum).toEqual([...targets].sort());
    const form = post.requestBody?.content['application/x-www-form-urlencoded'].schema;
    expect(form?.properties?.Action.enum).toEqual([...actions].sort());
    for (const name of [...targets, ...actions]) expect(post.description).toContain(`\`${name}\``);
    expect(post.responses['400'].content?.['application/x-amz-json-1.1'].schema?.required).toEqual([
      '__type',
      'Message',
      'message',
    ]);
    expect(post.responses['400'].content?.['text/xml']).toBeDefined();
  });

  it('names every schema once: no two classes share a name', () => {
    expect(warnings.filter((warning) => warning.includes('Duplicate DTO'))).toEqual([]);
    const listPolicies = (template: string) =>
      document.paths[template].get.responses['200'].content?.['application/json'].schema?.$ref;
    expect(listPolicies('/v1/iam/policies')).not.toEqual(listPolicies('/v1/organization/policies'));
  });

  it('catches an answer its schema does not document, as IAM ListPolicies against Organizations’', async () => {
    const iamPolicies = await app.rest(OPERATOR).get('/v1/iam/policies?maxItems=1');
    expect(iamPolicies.status).toBe(200);
    const organizationsSchema =
      document.paths['/v1/organization/policies'].get.responses['200'].content!['application/json'].schema!;
    expect(schemaProblems(organizationsSchema, iamPolicies.body, document)).toEqual(
      expect.arrayContaining(['$.isTruncated: not documented', '$.marker: not documented']),
    );
    const iamSchema =
      document.paths['/v1/iam/policies'].get.responses['200'].content!['application/json'].schema!;
    expect(schemaProblems(iamSchema, iamPolicies.body, document)).toEqual([]);
    expect(schemaProblems(iamSchema, { ...iamPolicies.body, nextToken: 'x' }, document)).toEqual([
      '$.nextToken: not documented',
    ]);
  });
});

const ALLOW_ASSUME_ROLE = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }],
};
