import { type WireResponse } from './signed-wire';

export type Protocol = 'aws-json' | 'aws-query' | 'rest' | 's3';

const STACK_FRAME = /\n\s+at \S.*[(\s]\S+:\d+:\d+\)?/;

function header(response: WireResponse, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What is wrong with an answer, for the protocol the request spoke (empty when nothing is):
 * a 5xx, a missing request id, an error without the protocol's error shape, a leaked stack trace.
 */
export function shapeProblems(protocol: Protocol, response: WireResponse, method = 'POST'): string[] {
  const problems: string[] = [];
  const requestId = header(response, 'x-amzn-requestid');
  const type = (header(response, 'content-type') ?? '').toLowerCase();
  if (response.status >= 500) problems.push(`HTTP ${response.status} (server fault)`);
  if (response.status < 100) problems.push(`no HTTP status (${response.status})`);
  if (!requestId) problems.push('no x-amzn-RequestId header');
  if (STACK_FRAME.test(response.text)) problems.push('a stack trace in the body');
  if (protocol === 's3') return [...problems, ...s3ShapeProblems(response, method, requestId)];
  if (response.status < 400) {
    if (protocol === 'aws-json' && !type.startsWith('application/x-amz-json-1.1'))
      problems.push(`success with content-type ${JSON.stringify(type)}`);
    if (protocol !== 'aws-query' && response.text !== '' && parseJson(response.text) === undefined)
      problems.push('success whose body is not JSON');
    if (protocol === 'aws-query' && !/^<\w+Response[\s>]/.test(response.text))
      problems.push('query success that is not an XML <…Response>');
    return problems;
  }
  switch (protocol) {
    case 'aws-json': {
      const body = parseJson(response.text);
      if (!type.startsWith('application/x-amz-json-1.1'))
        problems.push(`error content-type ${JSON.stringify(type)}`);
      if (!isObject(body)) problems.push('error body is not a JSON object');
      else {
        if (typeof body.__type !== 'string' || body.__type === '') problems.push('error without __type');
        if (typeof body.Message !== 'string') problems.push('error without Message');
      }
      break;
    }
    case 'rest': {
      const body = parseJson(response.text);
      if (!type.startsWith('application/json')) problems.push(`error content-type ${JSON.stringify(type)}`);
      const error = isObject(body) ? body.error : undefined;
      if (!isObject(error)) problems.push('error body without {"error":{…}}');
      else {
        if (typeof error.code !== 'string' || error.code === '') problems.push('error without error.code');
        if (typeof error.message !== 'string') problems.push('error without error.message');
        if (error.requestId !== requestId) problems.push('error.requestId differs from x-amzn-RequestId');
      }
      break;
    }
    case 'aws-query': {
      if (!type.startsWith('text/xml')) problems.push(`error content-type ${JSON.stringify(type)}`);
      if (!/^<ErrorResponse[\s>]/.test(response.text)) problems.push('error body is not <ErrorResponse>');
      if (!/<Error>[\s\S]*<Code>[^<]+<\/Code>[\s\S]*<\/Error>/.test(response.text))
        problems.push('error without <Code>');
      if (!/<RequestId>[^<]+<\/RequestId>/.test(response.text)) problems.push('error without <RequestId>');
      break;
    }
  }
  return problems;
}

/** S3 answers: errors as `<Error>` documents naming the request id, HEAD answers without a body. */
function s3ShapeProblems(response: WireResponse, method: string, requestId: string | undefined): string[] {
  if (method === 'HEAD') return response.text === '' ? [] : ['HEAD answer with a body'];
  if (response.status < 400) return [];
  const problems: string[] = [];
  const type = (header(response, 'content-type') ?? '').toLowerCase();
  if (!type.startsWith('application/xml')) problems.push(`error content-type ${JSON.stringify(type)}`);
  if (!/^<\?xml[^>]*\?>\s*<Error>[\s\S]*<Code>[^<]+<\/Code>[\s\S]*<\/Error>$/.test(response.text.trim()))
    problems.push('error body is not an <Error> document with a <Code>');
  if (!response.text.includes(`<RequestId>${requestId}</RequestId>`))
    problems.push('error <RequestId> differs from x-amzn-RequestId');
  return problems;
}

/** The error code an answer carries, for summaries (`-` for successes). */
export function errorCodeOf(protocol: Protocol, response: WireResponse): string {
  if (response.status < 400) return '-';
  if (protocol === 's3') return /<Code>([^<]*)<\/Code>/.exec(response.text)?.[1] ?? String(response.status);
  if (protocol === 'aws-query') return /<Code>([^<]*)<\/Code>/.exec(response.text)?.[1] ?? '?';
  const body = parseJson(response.text);
  if (!isObject(body)) return '?';
  if (protocol === 'rest') return isObject(body.error) ? String(body.error.code) : '?';
  return String(body.__type);
}
