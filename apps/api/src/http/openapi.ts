import { type INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AwsProtocolController } from '../aws-json/aws-protocol.controller';
import { awsProtocolPath } from '../aws-json/aws-protocol.docs';
import { SIGV4_SCHEME } from '../rest/rest-docs';

const SIGV4_DESCRIPTION = [
  'AWS Signature Version 4, in the `Authorization` header (or, for GET, the `X-Amz-*` query parameters of a presigned URL):',
  '',
  '- service name: `trailplane` on `/v1` (the AWS service’s own — `cloudtrail`, `organizations`, `iam`, `sts`, `account` — is accepted too); on `POST /`, the AWS service’s;',
  '- Region: the Region the request acts in (the credential scope’s), which must be enabled for the account;',
  '- `X-Amz-Date` (within the accepted clock skew, 15 minutes by default), and `X-Amz-Security-Token` with temporary credentials;',
  '- every `x-amz-*` header sent and the `content-type` of a request with a body must be signed (InvalidSignatureException otherwise).',
].join('\n');

const DESCRIPTION = `Organization-wide trail control plane: CloudTrail, Organizations, IAM and STS compatible.

## Calling the API

Every \`/v1\` route and the AWS protocol endpoint (\`POST /\`) need an AWS Signature Version 4 (security
scheme \`sigv4\`); only \`/healthz\`, \`/readyz\`, \`/metrics\` and \`/docs\` do not. The credential scope's
Region is the Region the request acts in. With curl (7.75 or later):

\`\`\`sh
curl --aws-sigv4 "aws:amz:us-east-1:trailplane" --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" \\
  http://127.0.0.1:3000/v1/account/regions

curl --aws-sigv4 "aws:amz:us-east-1:trailplane" --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" \\
  -H "content-type: application/json" -d '{"name": "audit", "s3BucketName": "audit-logs"}' \\
  http://127.0.0.1:3000/v1/trails
\`\`\`

With temporary credentials (\`POST /v1/sts/assume-role\`), send the session token too; curl signs the
headers it is given:

\`\`\`sh
curl --aws-sigv4 "aws:amz:us-east-1:trailplane" --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" \\
  -H "x-amz-security-token: $AWS_SESSION_TOKEN" http://127.0.0.1:3000/v1/sts/caller-identity
\`\`\`

The AWS CLI and SDKs use \`POST /\` unchanged: \`aws organizations describe-organization --endpoint-url http://127.0.0.1:3000\`.

## Errors

REST answers \`{"error": {"code", "message", "requestId"}}\` (and \`reason\` where the service gives one) with a
semantic status: 400 invalid input or an unmet precondition, 403 authentication and authorization only,
404 not found, 409 conflicts and quotas, 429 throttling (with \`Retry-After\`), 5xx faults. Each operation
lists the codes it may answer, by status. Every response carries \`x-amzn-RequestId\`. The AWS protocols
answer the live services' shapes and statuses (see \`POST /\`).`;

/**
 * The OpenAPI document served at /docs: the REST routes as their decorators describe them, the SigV4
 * security scheme, and the AWS protocol endpoint with the operations it serves.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Trailplane API')
      .setDescription(DESCRIPTION)
      .setVersion('1')
      .addSecurity(SIGV4_SCHEME, {
        type: 'apiKey',
        in: 'header',
        name: 'Authorization',
        description: SIGV4_DESCRIPTION,
      })
      .build(),
  );
  markOptionalBodies(document);
  document.paths['/'] = awsProtocolPath(app.get(AwsProtocolController).operations());
  return document;
}

/** A REST route reads a missing body as `{}`: a body is required only where its schema requires members. */
function markOptionalBodies(document: OpenAPIObject): void {
  for (const operations of Object.values(document.paths)) {
    for (const method of ['post', 'put', 'patch'] as const) {
      const body = operations[method]?.requestBody;
      if (!body || !('content' in body)) continue;
      const ref = body.content['application/json']?.schema;
      const name = ref && '$ref' in ref ? ref.$ref.split('/').pop() : undefined;
      const schema = name === undefined ? undefined : document.components?.schemas?.[name];
      body.required = schema !== undefined && 'required' in schema && (schema.required?.length ?? 0) > 0;
    }
  }
}
