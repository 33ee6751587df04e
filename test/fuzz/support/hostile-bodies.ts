import fc, { type Arbitrary } from 'fast-check';
import {
  hostileKey,
  hostileObject,
  hostileString,
  hostileValue,
  type JsonNode,
  object,
  pollutionValue,
  PROTOTYPE_KEYS,
  toJsonText,
} from './hostile-json';
import { type MemberHint } from './operation-catalog';

/** A request body as bytes, with a short label saying what kind of hostility it carries. */
export interface HostileBody {
  readonly kind: string;
  readonly bytes: Buffer;
}

export const BODY_LIMIT = 256 * 1024;
/** The sizes every operation must refuse or accept cleanly: empty, at the limit, past it, far past it. */
export const BODY_SIZES = [0, BODY_LIMIT, BODY_LIMIT + 1, 1024 * 1024 + 1] as const;
export const DEEP_NESTING = 10_000;

/** Values drawn from the world the suite built (real names, ids and ARNs), to get past lookups. */
export interface KnownValues {
  readonly strings: readonly string[];
}

function text(kind: string, value: string): HostileBody {
  return { kind, bytes: Buffer.from(value, 'utf8') };
}

/** A value a member would plausibly hold (so validation passes and deeper code runs), or a hostile one. */
function memberValue(member: MemberHint, known: KnownValues, keys: Arbitrary<string>): Arbitrary<JsonNode> {
  const strings = hostileString(member.limits, [...member.choices, ...known.strings]);
  const hostile = hostileValue(strings, keys);
  const plausible: Arbitrary<JsonNode>[] = [];
  if (member.checks.has('isBoolean')) plausible.push(fc.boolean());
  if (member.checks.has('isInt') || member.checks.has('isNumber') || member.checks.has('min'))
    plausible.push(
      fc.oneof(fc.integer({ min: -2, max: 1001 }), fc.constantFrom(...member.limits, 0, 2 ** 31, -(2 ** 31))),
    );
  if (member.choices.length > 0) plausible.push(fc.constantFrom(...member.choices));
  if (member.checks.has('isString') || member.checks.has('matches') || member.checks.has('isLength'))
    plausible.push(strings);
  if (member.nested || member.checks.has('isArray')) {
    const element = fc.oneof(strings, hostileObject(keys, hostileValue(strings, keys, 1), 5));
    plausible.push(fc.array(element, { maxLength: 5 }));
    plausible.push(hostileObject(keys, hostileValue(strings, keys, 1), 5));
  }
  if (plausible.length === 0) return hostile;
  return fc.oneof({ arbitrary: fc.oneof(...plausible), weight: 4 }, { arbitrary: hostile, weight: 1 });
}

/**
 * A JSON object over the operation's members (each present or not, plausible or hostile) with extra
 * hostile entries: prototype keys, duplicate keys (as raw JSON text), unknown and unicode keys.
 */
export function structuredNode(
  members: readonly MemberHint[],
  known: KnownValues,
  dictionary: readonly string[],
): Arbitrary<JsonNode> {
  const keys = hostileKey([...members.map((m) => m.name), ...dictionary]);
  const memberEntries = members.map((member) =>
    fc.option(
      memberValue(member, known, keys).map((value) => [member.name, value] as const),
      { freq: 3, nil: undefined },
    ),
  );
  return fc
    .tuple(
      fc.tuple(...memberEntries),
      fc.oneof(
        fc.constant([]),
        fc.array(fc.tuple(keys, hostileValue(hostileString([], known.strings), keys, 2)), {
          minLength: 1,
          maxLength: 2,
        }),
      ),
      fc.option(fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS), pollutionValue()), { freq: 4, nil: undefined }),
      fc.option(fc.nat(), { freq: 5, nil: undefined }),
      fc.boolean(),
    )
    .map(([present, extra, prototypeEntry, duplicateIndex, prototypeFirst]) => {
      const entries: (readonly [string, JsonNode])[] = present.filter((e) => e !== undefined);
      entries.push(...extra);
      if (prototypeEntry) {
        if (prototypeFirst) entries.unshift(prototypeEntry);
        else entries.push(prototypeEntry);
      }
      if (duplicateIndex !== undefined && entries.length > 0) {
        const [key] = entries[duplicateIndex % entries.length];
        entries.push([key, duplicateIndex % 2 === 0 ? null : object([['duplicate', true]])]);
      }
      return object(entries);
    });
}

const INVALID_UTF8: readonly (readonly number[])[] = [
  [0xff],
  [0xfe, 0xff],
  [0xc0, 0xaf], // overlong '/'
  [0xe0, 0x80, 0xaf], // overlong
  [0xed, 0xa0, 0x80], // UTF-8 encoded surrogate
  [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
  [0x80], // lone continuation byte
  [0xe2, 0x82], // truncated sequence
  [0xf8, 0x88, 0x80, 0x80, 0x80], // 5-byte form
];

/** Inserts an invalid UTF-8 sequence into `bytes` (inside a string when there is one). */
function withInvalidUtf8(bytes: Buffer, sequence: readonly number[], at: number): Buffer {
  const quote = bytes.indexOf(0x22, at % Math.max(1, bytes.length));
  const position = quote >= 0 ? quote + 1 : Math.min(at, bytes.length);
  return Buffer.concat([bytes.subarray(0, position), Buffer.from(sequence), bytes.subarray(position)]);
}

/** `{"<member>": <value of exactly the right length>}` padded so the body is exactly `size` bytes. */
export function bodyOfSize(size: number, member: string, unit: 'ascii' | 'multibyte' = 'ascii'): Buffer {
  if (size === 0) return Buffer.alloc(0);
  const head = Buffer.from(`{${JSON.stringify(member)}:"`, 'utf8');
  const tail = Buffer.from('"}', 'utf8');
  const room = size - head.length - tail.length;
  if (room < 0) return Buffer.alloc(size, 0x20);
  const filler =
    unit === 'ascii'
      ? Buffer.alloc(room, 0x61)
      : Buffer.concat([Buffer.from('€'.repeat(Math.floor(room / 3)), 'utf8'), Buffer.alloc(room % 3, 0x61)]);
  return Buffer.concat([head, filler, tail]);
}

/** Nesting `depth` levels deep, as arrays or objects, at the root or under a member. */
export function deeplyNested(depth: number, shape: 'array' | 'object', member?: string): string {
  const inner =
    shape === 'array'
      ? `${'['.repeat(depth)}${']'.repeat(depth)}`
      : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return member === undefined ? inner : `{${JSON.stringify(member)}:${inner}}`;
}

const MALFORMED_TEXTS = [
  '',
  ' ',
  '\n\t  \r\n',
  'null',
  'true',
  '0',
  '-1e400',
  '"just a string"',
  '[]',
  '[{}]',
  '{',
  '}',
  '{"',
  '{"Name"',
  '{"Name":',
  '{"Name":"x"',
  '{"Name":"x",}',
  '{Name:"x"}',
  "{'Name':'x'}",
  '{"Name":NaN}',
  '{"Name":Infinity}',
  '{"Name":0x10}',
  '{"Name":"x"} trailing',
  '{"Name":"x"}{"Name":"y"}',
  '/* comment */ {}',
  '\uFEFF{}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"a":"\\uZZZZ"}',
  '{"\\u005f_proto__":{"polluted":"yes"}}',
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"__proto__":{"isPartitionOperator":true}}',
  '{"__proto__":null}',
  '{"__proto__":[]}',
  '[{"__proto__":{"polluted":"yes"}}]',
  '{"a":1,"a":2,"a":{"__proto__":{"polluted":"yes"}}}',
  `{"a":"${'\\\\'.repeat(1000)}"}`,
  `[${'1,'.repeat(20_000)}1]`,
];

/**
 * Every body the suite sends a JSON-protocol operation: its members with plausible and hostile
 * values, then the malformed, truncated, non-UTF-8, deeply nested and oversized ones.
 */
export function hostileJsonBody(
  members: readonly MemberHint[],
  known: KnownValues,
  dictionary: readonly string[],
): Arbitrary<HostileBody> {
  const structured = structuredNode(members, known, dictionary).map(toJsonText);
  const memberName = fc.constantFrom(...members.map((m) => m.name), 'Name');
  return fc.oneof(
    { arbitrary: structured.map((value) => text('structured', value)), weight: 18 },
    {
      arbitrary: fc
        .tuple(structured, fc.nat())
        .filter(([value]) => value.length > 1)
        .map(([value, cut]) => text('truncated', value.slice(0, 1 + (cut % (value.length - 1))))),
      weight: 2,
    },
    {
      arbitrary: fc
        .tuple(structured, fc.constantFrom(...INVALID_UTF8), fc.nat())
        .map(([value, sequence, at]) => ({
          kind: 'invalid-utf8',
          bytes: withInvalidUtf8(Buffer.from(value, 'utf8'), sequence, at),
        })),
      weight: 2,
    },
    { arbitrary: fc.constantFrom(...MALFORMED_TEXTS).map((value) => text('malformed', value)), weight: 3 },
    {
      arbitrary: fc
        .tuple(
          fc.constantFrom(DEEP_NESTING, DEEP_NESTING + 1, 1_000),
          fc.constantFrom('array' as const, 'object' as const),
          fc.option(memberName, { nil: undefined }),
        )
        .map(([depth, shape, member]) => text(`nested-${depth}`, deeplyNested(depth, shape, member))),
      weight: 1,
    },
    {
      arbitrary: fc
        .tuple(
          fc.constantFrom(...BODY_SIZES),
          memberName,
          fc.constantFrom('ascii' as const, 'multibyte' as const),
        )
        .map(([size, member, unit]) => ({ kind: `size-${size}`, bytes: bodyOfSize(size, member, unit) })),
      weight: 1,
    },
  );
}

/** Content types a JSON-protocol caller might (wrongly) send; `undefined` sends none. */
export function contentType(preferred: string): Arbitrary<string | undefined> {
  return fc.oneof(
    { arbitrary: fc.constant(preferred), weight: 14 },
    {
      arbitrary: fc.constantFrom(
        undefined,
        '',
        'application/json',
        'application/x-amz-json-1.0',
        'application/x-amz-json-1.1',
        'application/x-amz-json-1.1; charset=iso-8859-1',
        'APPLICATION/X-AMZ-JSON-1.1',
        'application/json; charset=utf-16',
        'text/plain',
        'text/xml',
        'application/xml',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=xyz',
        'application/octet-stream',
        'application/json, text/html',
        ';;;',
        '*/*',
      ),
      weight: 3,
    },
  );
}
