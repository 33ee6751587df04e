import { type PathItemObject, type ResponseObject, type SchemaObject } from '@nestjs/swagger';
import { actionOf } from '@app/platform';
import { SIGV4_SCHEME } from '../rest/rest-docs';
import { type ServedAwsOperation } from './aws-protocol.controller';

/** `{__type, Message, message}` and the model's own members (Organizations' `Reason`). */
const AWS_JSON_ERROR: SchemaObject = {
  type: 'object',
  required: ['__type', 'Message', 'message'],
  properties: {
    __type: { type: 'string', description: 'The error code, also in the `x-amzn-ErrorType` header' },
    Message: { type: 'string' },
    message: { type: 'string', description: 'The same message, as some SDKs read it' },
    Reason: { type: 'string', description: "Organizations' reason, where the model gives one" },
  },
  additionalProperties: { type: 'string' },
};

const QUERY_ERROR_EXAMPLE =
  '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>' +
  '<Code>ValidationError</Code><Message>…</Message></Error><RequestId>…</RequestId></ErrorResponse>';

function errorResponse(description: string): ResponseObject {
  return {
    description,
    content: {
      'application/x-amz-json-1.1': { schema: AWS_JSON_ERROR },
      'text/xml': { schema: { type: 'string', example: QUERY_ERROR_EXAMPLE } },
    },
  };
}

/** The AWS protocols answer the live services' statuses: 400 for every client error. */
const ERROR_RESPONSES: Record<string, ResponseObject> = {
  '400': errorResponse(
    'Every client error — invalid input, unmet preconditions, not found, conflicts, throttling — as ' +
      'the live services answer them; the code says which (AWS JSON: `__type`, query: `<Code>`)',
  ),
  '403': errorResponse('Not authenticated (signature, credentials), or access denied'),
  '404': errorResponse('No such route'),
  '408': errorResponse('The request was not received in time'),
  '413': errorResponse('The request body is larger than 256 KB'),
  '415': errorResponse('Unsupported content type'),
  '431': errorResponse('The request line and headers are too large'),
  '500': errorResponse('Failed on our side'),
  '503': errorResponse('A dependency is unavailable: retry'),
};

const SUCCESS: ResponseObject = {
  description: "The operation's output: the AWS API's output shape (AWS JSON), or its `<…Result>` (query)",
  content: {
    'application/x-amz-json-1.1': { schema: { type: 'object', additionalProperties: true } },
    'text/xml': { schema: { type: 'string' } },
  },
};

/** A Markdown table of the operations a protocol serves and what names them. */
function servedTable(served: readonly ServedAwsOperation[], nameColumn: string): string {
  const rows = served
    .flatMap((entry) => entry.targets.map((target) => ({ target, action: actionOf(entry.operation) })))
    .sort((a, b) => a.target.localeCompare(b.target))
    .map(({ target, action }) => `| \`${target}\` | \`${action}\` |`);
  return [`| ${nameColumn} | IAM action |`, '| --- | --- |', ...rows].join('\n');
}

/**
 * The AWS protocol endpoint as one documented path: what `X-Amz-Target` (AWS JSON 1.1) or `Action`
 * (query) selects, listed from the operations the endpoint serves, and the protocols' error shapes.
 */
export function awsProtocolPath(served: readonly ServedAwsOperation[]): PathItemObject {
  const json = served.filter((entry) => entry.protocol === 'aws-json');
  const query = served.filter((entry) => entry.protocol === 'aws-query');
  const targets = json.flatMap((entry) => entry.targets).sort();
  const actions = query.flatMap((entry) => entry.targets).sort();
  const security = [{ [SIGV4_SCHEME]: [] }];
  const description =
    'The endpoint the AWS SDKs and the AWS CLI talk to, unchanged (`--endpoint-url`): the same ' +
    'operations, rules and errors as the REST API. Sign with the AWS service’s own name ' +
    '(`cloudtrail`, `organizations`, `sts`, `iam`) and the Region acted in (IAM and Organizations are ' +
    'global: the AWS tools sign them for us-east-1).\n\n' +
    '**AWS JSON 1.1** (`POST /`, `Content-Type: application/x-amz-json-1.1`): the operation is the ' +
    '`X-Amz-Target` header (signed), the body its input members in PascalCase; errors are ' +
    '`{"__type", "Message", "message"}` with the live service’s status (400 for every client error, ' +
    '403 for authentication and access denial).\n\n' +
    servedTable(json, '`X-Amz-Target`') +
    '\n\n**AWS query** (`POST /` with a form body, or `GET /?…`): `Action=<operation>&Version=<API ' +
    'version>` (STS `2011-06-15`, IAM `2010-05-08`) and the members (`Tags.member.1.Key=…`); answers ' +
    'are XML (IAM: lists paged by `Marker`/`IsTruncated`, policy documents URL-encoded), errors an ' +
    '`<ErrorResponse>`.\n\n' +
    servedTable(query, '`Action`');
  return {
    post: {
      operationId: 'aws_protocols',
      summary: 'AWS protocols — the endpoint of the AWS SDKs and CLI',
      description,
      tags: ['aws-protocols'],
      security,
      parameters: [
        {
          name: 'X-Amz-Target',
          in: 'header',
          required: false,
          description: 'AWS JSON 1.1: the operation (`<prefix>.<Operation>`); absent for the query protocol',
          schema: { type: 'string', enum: targets },
        },
      ],
      requestBody: {
        required: true,
        content: {
          'application/x-amz-json-1.1': {
            schema: {
              type: 'object',
              additionalProperties: true,
              description: 'The input members, PascalCase',
            },
          },
          'application/x-www-form-urlencoded': {
            schema: {
              type: 'object',
              required: ['Action', 'Version'],
              properties: {
                Action: { type: 'string', enum: actions },
                Version: { type: 'string', example: '2011-06-15' },
              },
              additionalProperties: { type: 'string' },
            },
          },
        },
      },
      responses: { '200': SUCCESS, ...ERROR_RESPONSES },
    },
    get: {
      operationId: 'aws_query_get',
      summary: 'AWS query protocol over GET',
      description:
        'The query protocol’s GET form: `GET /?Action=<operation>&Version=<API version>&…`, signed in ' +
        'the `Authorization` header or presigned. The AWS JSON protocol is served on POST only.',
      tags: ['aws-protocols'],
      security,
      parameters: [
        { name: 'Action', in: 'query', required: true, schema: { type: 'string', enum: actions } },
        { name: 'Version', in: 'query', required: true, schema: { type: 'string', example: '2011-06-15' } },
      ],
      responses: { '200': SUCCESS, ...ERROR_RESPONSES },
    },
  };
}
