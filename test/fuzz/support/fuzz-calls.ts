import fc, { type Arbitrary } from 'fast-check';
import { type FuzzCall, type Identity, printable } from './fuzz-call';
import {
  contentType,
  type HostileBody,
  hostileJsonBody,
  type KnownValues,
  BODY_SIZES,
} from './hostile-bodies';
import { hostileString } from './hostile-json';
import {
  type AwsOperationTarget,
  REST_METHODS,
  type RestParameter,
  type RestRouteTarget,
  signingNameOf,
} from './operation-catalog';
import { type Protocol } from './protocol-shape';

/** The context every generator draws from. */
export interface CallContext {
  readonly identities: readonly Identity[];
  readonly known: KnownValues;
  /** Member names of every input shape in the app: keys for nested objects. */
  readonly dictionary: readonly string[];
}

export const QUERY_CONTENT_TYPE = 'application/x-www-form-urlencoded; charset=utf-8';

/**
 * Which protocol the server must answer in, by the AWS rules for `/`: a request with X-Amz-Target
 * speaks AWS JSON; otherwise a form body (or a GET) speaks the query protocol; anything else is
 * treated as AWS JSON. Everything under /v1 is REST.
 */
export function protocolFor(
  method: string,
  path: string,
  headers: Readonly<Record<string, string>>,
): Protocol {
  if (!path.startsWith('/') || path.split('?')[0] !== '/') return 'rest';
  if (headers['x-amz-target'] !== undefined) return 'aws-json';
  return (headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') || method === 'GET'
    ? 'aws-query'
    : 'aws-json';
}

function withContentType(headers: Record<string, string>, type: string | undefined): Record<string, string> {
  return type === undefined ? headers : { ...headers, 'content-type': type };
}

/** Calls of one AWS JSON operation under any of its targets, from any identity, with any body. */
export function awsJsonCalls(target: AwsOperationTarget, context: CallContext): Arbitrary<FuzzCall> {
  return fc
    .record({
      identity: fc.constantFrom(...context.identities),
      amzTarget: fc.constantFrom(...target.targets),
      type: contentType('application/x-amz-json-1.1'),
      body: hostileJsonBody(target.members, context.known, context.dictionary),
      region: fc.constantFrom('us-east-1', 'us-east-1', 'us-east-1', 'eu-west-1'),
    })
    .map(({ identity, amzTarget, type, body, region }) => {
      const headers = withContentType({ 'x-amz-target': amzTarget }, type);
      return printable({
        identity,
        protocol: 'aws-json',
        bodyKind: body.kind,
        wire: {
          method: 'POST',
          path: '/',
          headers,
          body: body.bytes,
          service: signingNameOf(target.service),
          region,
        },
      });
    });
}

/** Form-encodes fields as AWS query clients do (RFC 3986), keeping invalid strings as UTF-8 bytes. */
export function formEncode(fields: readonly (readonly [string, string])[]): string {
  return fields.map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`).join('&');
}

/** Percent-encodes the UTF-8 bytes of `value` (lone surrogates become U+FFFD, as on any wire). */
export function percentEncode(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const RAW_FORM_TAILS = [
  '%FF%FE',
  '%C0%AF',
  '%ED%A0%80',
  '%',
  '%ZZ',
  '%E2%82',
  '&&&',
  '=',
  '==',
  '&Action=',
  '&Version=',
];

function formBody(target: AwsOperationTarget, context: CallContext): Arbitrary<HostileBody> {
  const value = hostileString(
    target.members.flatMap((m) => m.limits),
    context.known.strings,
  );
  const field = fc.oneof(
    {
      arbitrary: fc.tuple(fc.constantFrom(...target.members.map((m) => m.name), 'Version'), value),
      weight: 4,
    },
    {
      arbitrary: fc.tuple(
        fc.constantFrom('Action', 'Version', '__proto__', 'constructor', 'Action[]'),
        value,
      ),
      weight: 1,
    },
  );
  const fields = fc.tuple(
    fc.constantFrom<readonly (readonly [string, string])[]>(
      [
        ['Action', target.name],
        ['Version', '2011-06-15'],
      ],
      [['Action', target.name]],
      [],
      [
        ['Action', target.name],
        ['Action', 'GetCallerIdentity'],
      ],
    ),
    fc.array(field, { maxLength: 6 }),
  );
  return fc.oneof(
    {
      arbitrary: fields.map(([base, extra]) => ({
        kind: 'form',
        bytes: Buffer.from(formEncode([...base, ...extra])),
      })),
      weight: 8,
    },
    {
      arbitrary: fc.tuple(fields, fc.constantFrom(...RAW_FORM_TAILS)).map(([[base, extra], tail]) => ({
        kind: 'form-raw',
        bytes: Buffer.from(`${formEncode([...base, ...extra])}&x=${tail}`),
      })),
      weight: 2,
    },
    {
      arbitrary: fc.constantFrom(...BODY_SIZES).map((size) => ({
        kind: `size-${size}`,
        bytes:
          size === 0
            ? Buffer.alloc(0)
            : Buffer.concat([
                Buffer.from(`Action=${target.name}&RoleArn=`),
                Buffer.alloc(Math.max(0, size - 16 - target.name.length), 0x61),
              ]).subarray(0, size),
      })),
      weight: 1,
    },
    {
      arbitrary: hostileJsonBody(target.members, context.known, context.dictionary),
      weight: 1,
    },
  );
}

/** Calls of one query-protocol operation (STS): form bodies, and GETs with the fields in the URL. */
export function awsQueryCalls(target: AwsOperationTarget, context: CallContext): Arbitrary<FuzzCall> {
  const post = fc
    .record({
      identity: fc.constantFrom(...context.identities),
      type: fc.oneof(
        { arbitrary: fc.constant<string | undefined>(QUERY_CONTENT_TYPE), weight: 8 },
        { arbitrary: contentType(QUERY_CONTENT_TYPE), weight: 2 },
      ),
      body: formBody(target, context),
    })
    .map(({ identity, type, body }): FuzzCall => {
      const headers = withContentType({}, type);
      return {
        identity,
        protocol: protocolFor('POST', '/', headers),
        bodyKind: body.kind,
        wire: {
          method: 'POST',
          path: '/',
          headers,
          body: body.bytes,
          service: signingNameOf(target.service),
          region: 'us-east-1',
        },
      };
    });
  const get = fc
    .record({
      identity: fc.constantFrom(...context.identities),
      fields: fc.dictionary(
        fc.constantFrom(...target.members.map((m) => m.name), 'Version', 'Extra'),
        hostileString([], context.known.strings).map(wellFormed),
        { maxKeys: 4 },
      ),
      action: fc.constantFrom(target.name, target.name, '', 'NoSuchAction'),
    })
    .map(({ identity, fields, action }): FuzzCall => ({
      identity,
      protocol: 'aws-query',
      bodyKind: 'none',
      wire: {
        method: 'GET',
        path: '/',
        query: { ...fields, Action: action },
        headers: {},
        body: Buffer.alloc(0),
        service: signingNameOf(target.service),
        region: 'us-east-1',
      },
    }));
  return fc.oneof({ arbitrary: post, weight: 4 }, { arbitrary: get, weight: 1 }).map(printable);
}

/** What a URL query can carry through the SDK signer: well-formed Unicode. */
function wellFormed(value: string): string {
  return Buffer.from(value, 'utf8').toString('utf8');
}

/** Raw path segments that are valid to send but hostile to route and decode. */
const RAW_SEGMENTS = [
  '..',
  '.',
  '%2e%2e',
  '%2E',
  '%00',
  '%ZZ',
  '%',
  '%C0%AF',
  '%FF',
  '%E2%82',
  '%ED%A0%80',
  '%252F',
  'a%2Fb',
  '%2F',
  '%5C',
  '~',
  '@',
  ':',
  ';x=1',
  '$',
  '+',
  '*',
  'a'.repeat(100),
  'a'.repeat(101),
  'a'.repeat(2_000),
  '',
  'x/y',
  '%E2%80%AE', // right-to-left override
  '%F0%9F%98%80', // emoji
];

function pathValue(parameter: RestParameter, context: CallContext): Arbitrary<string> {
  const limits = parameter.maxLength ? [parameter.maxLength] : [64, 128, 256];
  return fc.oneof(
    { arbitrary: fc.constantFrom(...context.known.strings).map(percentEncode), weight: 4 },
    { arbitrary: hostileString(limits, []).map((s) => percentEncode(s.slice(0, 300))), weight: 3 },
    { arbitrary: fc.constantFrom(...RAW_SEGMENTS), weight: 3 },
  );
}

function queryValue(context: CallContext): Arbitrary<string> {
  return fc
    .oneof(
      hostileString([], context.known.strings),
      fc.constantFrom('0', '-1', '1', '1000', '1001', '1e3', '99999999999999999999', 'true', 'false', ''),
    )
    .map((s) => wellFormed(s.slice(0, 3_000)));
}

function restBody(
  route: RestRouteTarget,
  context: CallContext,
): Arbitrary<{ body: HostileBody; type: string | undefined }> {
  const json = hostileJsonBody(route.members, context.known, context.dictionary);
  if (route.hasBody) return fc.record({ body: json, type: contentType('application/json') });
  // Fastify never reads a GET's body, so the signature (over the body sent) cannot match: rare.
  return fc.oneof(
    {
      arbitrary: fc.constant({ body: { kind: 'none', bytes: Buffer.alloc(0) }, type: undefined }),
      weight: route.method === 'GET' ? 12 : 6,
    },
    { arbitrary: fc.record({ body: json, type: contentType('application/json') }), weight: 1 },
  );
}

/** Calls of one REST route: path parameters filled with real, random and adversarial values. */
export function restCalls(route: RestRouteTarget, context: CallContext): Arbitrary<FuzzCall> {
  const pathParameters = route.parameters.filter((p) => p.in === 'path');
  const queryParameters = route.parameters.filter((p) => p.in === 'query');
  return fc
    .record({
      identity: fc.constantFrom(...context.identities),
      path: fc.tuple(...pathParameters.map((p) => pathValue(p, context))),
      query: fc.tuple(
        ...queryParameters.map((p) =>
          fc.option(
            queryValue(context).map((v) => [p.name, v] as const),
            { freq: 2, nil: undefined },
          ),
        ),
        // Not a bare `__proto__`: the SDK's signer cannot sign it (it canonicalises the query
        // through a plain object), so such a call would only test the signature check.
        fc.option(
          fc.tuple(
            fc.constantFrom('unknown', '__proto__[polluted]', 'constructor[prototype][polluted]'),
            queryValue(context),
          ),
          {
            freq: 6,
            nil: undefined,
          },
        ),
      ),
      payload: restBody(route, context),
    })
    .map(({ identity, path, query, payload }) => {
      let filled = route.template;
      pathParameters.forEach((p, i) => (filled = filled.replace(`{${p.name}}`, path[i])));
      const entries = query.filter((q): q is readonly [string, string] => q !== undefined);
      return printable({
        identity,
        protocol: 'rest',
        bodyKind: payload.body.kind,
        wire: {
          method: route.method,
          path: filled,
          query: Object.fromEntries(entries),
          headers: withContentType({}, payload.type),
          body: payload.body.bytes,
          service: 'trailplane',
          region: 'us-east-1',
        },
      });
    });
}

const FOREIGN_TARGETS = [
  'DynamoDB_20120810.ListTables',
  'Logs_20140328.CreateLogGroup',
  'AmazonSSM.GetParameter',
  'AWSSecurityTokenServiceV20110615.AssumeRole',
  'TrentService.Decrypt',
];
const HOSTILE_OPERATION_NAMES = [
  '',
  '*',
  '.',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'NoSuchOperation',
  'Createtrail',
  '../CreateTrail',
  'CreateTrail.CreateTrail',
];

/**
 * `X-Amz-Target` values no operation answers to: case and prefix variants of real targets, one
 * service's operation under the other's prefix, prototype names, other services', random text, and
 * none at all. Every call must be refused (4xx) in the AWS JSON shape.
 */
export function unknownTargetCalls(
  operations: readonly AwsOperationTarget[],
  context: CallContext,
): Arbitrary<FuzzCall> {
  const known = new Set(operations.flatMap((o) => (o.protocol === 'aws-json' ? o.targets : [])));
  const real = [...known].sort();
  const prefixes = [...new Set(real.map((t) => t.slice(0, t.indexOf('.'))))];
  const names = [...new Set(operations.map((o) => o.name))];
  const target: Arbitrary<string | undefined> = fc
    .oneof(
      fc
        .constantFrom(...real)
        .chain((t) =>
          fc.constantFrom(
            t.toLowerCase(),
            t.toUpperCase(),
            `${t}.`,
            `${t}x`,
            t.slice(0, -1),
            t.replace('.', ''),
          ),
        ),
      fc
        .tuple(fc.constantFrom(...prefixes), fc.constantFrom(...names, ...HOSTILE_OPERATION_NAMES))
        .map(([prefix, name]) => `${prefix}.${name}`),
      fc.constantFrom(...prefixes, ...names, ...FOREIGN_TARGETS),
      fc.string({
        unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
        maxLength: 60,
      }),
      fc.constant(undefined),
    )
    .filter((t) => t === undefined || !known.has(t));
  return fc
    .record({
      identity: fc.constantFrom(...context.identities),
      amzTarget: target,
      type: contentType('application/x-amz-json-1.1'),
      body: hostileJsonBody([], context.known, context.dictionary),
      service: fc.constantFrom(...new Set(operations.map((o) => signingNameOf(o.service)))),
    })
    .filter(
      ({ amzTarget, type }) =>
        // Without a target, a form body (or none) speaks the query protocol: that is STS's property.
        amzTarget !== undefined ||
        !(type ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded'),
    )
    .map(({ identity, amzTarget, type, body, service }) => {
      const headers = withContentType(amzTarget === undefined ? {} : { 'x-amz-target': amzTarget }, type);
      return printable({
        identity,
        protocol: protocolFor('POST', '/', headers),
        bodyKind: body.kind,
        mustRefuse: true,
        wire: { method: 'POST', path: '/', headers, body: body.bytes, service, region: 'us-east-1' },
      });
    });
}

const UNROUTED_SEGMENTS = ['zz-unknown', '__proto__', 'constructor', '%00', '..', '%2e%2e', 'a'.repeat(300)];

/** Whether `path` (raw, as sent) matches `template` segment by segment, a parameter matching any segment. */
function matches(template: string, path: string): boolean {
  const expected = template.split('/');
  const actual = path.split('/');
  return (
    expected.length === actual.length &&
    expected.every((segment, i) => /^\{\w+\}$/.test(segment) || segment === actual[i])
  );
}

/**
 * Requests no REST route serves: a served path with a method it does not have, a served path with
 * an extra segment, and paths near the API's (`/V1/trails`, `/v2/trails`, `/v1//trails`, …). Every
 * one must be refused in its protocol's error shape.
 */
export function unroutedCalls(routes: readonly RestRouteTarget[], context: CallContext): Arbitrary<FuzzCall> {
  const routed = (method: string, path: string): boolean =>
    routes.some((route) => route.method === method && matches(route.template, path));
  const templates = [...new Set(routes.map((route) => route.template))].sort();
  const fill = (template: string): Arbitrary<string> => {
    const names = [...template.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
    return fc
      .tuple(...names.map((name) => pathValue({ name, in: 'path' }, context)))
      .map((values) => names.reduce((path, name, i) => path.replace(`{${name}}`, values[i]), template));
  };
  const method = fc.constantFrom(...REST_METHODS);
  const served = fc.tuple(method, fc.constantFrom(...templates).chain(fill));
  const extraSegment = fc
    .tuple(served, fc.constantFrom(...UNROUTED_SEGMENTS))
    .map(([[m, path], segment]) => [m, `${path}/${segment}`] as const);
  const nearby = fc.tuple(
    method,
    fc.constantFrom(
      '/v1',
      '/v1/',
      '/V1/trails',
      '/v2/trails',
      '/v1//trails',
      '//v1/trails',
      '/v1/trails/',
      '/v1/../v1/trails',
      '/v1/%2e%2e/trails',
      '/%00',
      '/v1/%00',
      '/index.html',
      '/.env',
    ),
  );
  return fc
    .record({
      identity: fc.constantFrom(...context.identities),
      request: fc
        .oneof(
          { arbitrary: served, weight: 3 },
          { arbitrary: extraSegment, weight: 2 },
          { arbitrary: nearby, weight: 1 },
        )
        .filter(([m, path]) => !routed(m, path)),
      payload: fc.oneof(
        {
          arbitrary: fc.constant({ body: { kind: 'none', bytes: Buffer.alloc(0) }, type: undefined }),
          weight: 2,
        },
        {
          arbitrary: fc.record({
            body: hostileJsonBody([], context.known, context.dictionary),
            type: contentType('application/json'),
          }),
          weight: 1,
        },
      ),
    })
    .map(({ identity, request: [m, path], payload }) => {
      const headers = withContentType({}, payload.type);
      return printable({
        identity,
        protocol: protocolFor(m, path, headers),
        bodyKind: payload.body.kind,
        mustRefuse: true,
        wire: {
          method: m,
          path,
          headers,
          body: payload.body.bytes,
          service: 'trailplane',
          region: 'us-east-1',
        },
      });
    });
}
