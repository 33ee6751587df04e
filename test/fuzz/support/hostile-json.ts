import fc, { type Arbitrary } from 'fast-check';

/**
 * JSON as a tree we serialise ourselves, so a body can hold what `JSON.stringify` never writes:
 * duplicate keys, `__proto__` as an own key, number literals past double range.
 */
export type JsonNode =
  | null
  | boolean
  | number
  | string
  | { readonly raw: string }
  | readonly JsonNode[]
  | { readonly entries: readonly (readonly [string, JsonNode])[] };

export function isEntries(
  node: JsonNode,
): node is { readonly entries: readonly (readonly [string, JsonNode])[] } {
  return typeof node === 'object' && node !== null && 'entries' in node;
}

export function toJsonText(node: JsonNode): string {
  if (node === null || typeof node === 'boolean') return String(node);
  if (typeof node === 'number') return Number.isFinite(node) ? JSON.stringify(node) : '0';
  if (typeof node === 'string') return JSON.stringify(node);
  if (isArray(node)) return `[${node.map(toJsonText).join(',')}]`;
  if (isEntries(node))
    return `{${node.entries.map(([key, value]) => `${JSON.stringify(key)}:${toJsonText(value)}`).join(',')}}`;
  return node.raw;
}

function isArray(node: JsonNode): node is readonly JsonNode[] {
  return Array.isArray(node);
}

export const object = (entries: readonly (readonly [string, JsonNode])[]): JsonNode => ({ entries });

/** What an attacker would hang off `__proto__` / `constructor.prototype`. */
export const POLLUTION_PAYLOAD: JsonNode = object([
  ['polluted', 'yes'],
  ['isPartitionOperator', true],
  ['isAdmin', true],
  ['accountId', '100000000001'],
  ['toString', 'not-a-function'],
]);

/** Keys that reach prototypes when code copies objects naively. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Strings PostgreSQL cannot store (U+0000, lone surrogates): the transport must refuse them. */
const UNSTORABLE_STRINGS = [
  '\u0000',
  'a\u0000b',
  'trail\u0000name',
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  'x\uD83D',
  '\uDE00x',
];

const SPECIAL_STRINGS = [
  '',
  ' ',
  '\u202Eevil\u202C.txt', // right-to-left override
  '\u200F\u200E\u061C', // RTL / LTR marks
  'مرحبا بالعالم',
  'שלום',
  '👨‍👩‍👧‍👦🏳️‍🌈',
  '😀'.repeat(64),
  '\uFEFF',
  '\r\n\t\u000b\u000c',
  '\u2028\u2029',
  'Ａｄｍｉｎ', // full-width
  'e\u0301\u0301\u0301',
  '../../etc/passwd',
  '..',
  '.',
  '%00',
  '%2e%2e%2f',
  '${jndi:ldap://x/a}',
  "' OR '1'='1' --",
  "'; DROP TABLE trails; --",
  '<script>alert(1)</script>',
  ']]><x>',
  '\\',
  '"',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  '1e309',
  'NaN',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'arn:aws:cloudtrail:us-east-1:123456789012:trail/x',
  'arn:aws:iam::aws:policy/AdministratorAccess',
  'arn:aws:organizations::*:*',
  '*',
  '123456789012',
  '000000000000',
  'r-0000',
  'o-aaaaaaaaaa',
  'ou-zzzz-zzzzzzzz',
  'h-00000000000000000000000000000000',
  'cloudtrail.amazonaws.com',
];

/** Strings just under, at and just past a length limit, in one-, two- and four-byte characters. */
export function aroundLimit(limit: number): Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(limit - 1, limit, limit + 1), fc.constantFrom('a', 'é', '€', '😀'))
    .map(([length, unit]) => unit.repeat(Math.max(0, length)));
}

/** Any code point but U+0000 and the surrogates: text every layer must carry intact. */
const storableCodePoint = fc
  .oneof(fc.integer({ min: 1, max: 0xd7ff }), fc.integer({ min: 0xe000, max: 0x10ffff }))
  .map((code) => String.fromCodePoint(code));

/**
 * A string the transport must refuse: U+0000 or lone surrogates, alone, inside other text, or
 * repeated up to a limit. Rare (a string in twenty or so), so most bodies get past body parsing.
 */
function unstorableString(limits: readonly number[]): Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...UNSTORABLE_STRINGS),
    fc
      .tuple(
        fc.string({ maxLength: 20 }),
        fc.constantFrom(...UNSTORABLE_STRINGS),
        fc.string({ maxLength: 20 }),
      )
      .map((parts) => parts.join('')),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
    fc.constantFrom(128, ...limits).map((limit) => '\u0000'.repeat(limit)),
  );
}

/** A string member value: the hostile catalogue, random unicode, sizes around limits, and rarely one PostgreSQL cannot store. */
export function hostileString(
  limits: readonly number[] = [],
  knownValues: readonly string[] = [],
): Arbitrary<string> {
  const options: { arbitrary: Arbitrary<string>; weight: number }[] = [
    { arbitrary: fc.constantFrom(...SPECIAL_STRINGS), weight: 4 },
    { arbitrary: fc.string({ unit: storableCodePoint, maxLength: 40 }), weight: 3 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
    { arbitrary: unstorableString(limits), weight: 1 },
    { arbitrary: fc.stringMatching(/^[A-Za-z0-9_.-]{1,40}$/), weight: 3 },
    { arbitrary: aroundLimit(128), weight: 1 },
    { arbitrary: fc.constantFrom(1024, 2048, 4096, 65_536).chain(aroundLimit), weight: 1 },
  ];
  if (limits.length > 0)
    options.push({ arbitrary: fc.constantFrom(...limits).chain(aroundLimit), weight: 3 });
  if (knownValues.length > 0) options.push({ arbitrary: fc.constantFrom(...knownValues), weight: 4 });
  return fc.oneof(...options);
}

const NUMBER_LITERALS = [
  '-0',
  '1e400',
  '-1e400',
  '1e-400',
  '123456789012345678901234567890',
  '9007199254740993',
  '0.1e1',
  '1E2',
  '12345678901.5',
];

/** Any JSON value, biased towards the ones that trip type checks. */
export function hostileValue(
  strings: Arbitrary<string>,
  keys: Arbitrary<string>,
  depth = 3,
): Arbitrary<JsonNode> {
  const leaf: Arbitrary<JsonNode> = fc.oneof(
    { arbitrary: fc.constant(null), weight: 3 },
    { arbitrary: fc.boolean(), weight: 2 },
    { arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), weight: 2 },
    { arbitrary: fc.constantFrom(...NUMBER_LITERALS).map((raw) => ({ raw })), weight: 1 },
    { arbitrary: strings, weight: 5 },
  );
  if (depth <= 0) return leaf;
  const inner = hostileValue(strings, keys, depth - 1);
  return fc.oneof(
    { arbitrary: leaf, weight: 6 },
    { arbitrary: fc.array(inner, { maxLength: 4 }), weight: 2 },
    { arbitrary: hostileObject(keys, inner), weight: 2 },
  );
}

/** An object with hostile keys: duplicates, prototype keys, unicode, and the member names in play. */
export function hostileObject(
  keys: Arbitrary<string>,
  values: Arbitrary<JsonNode>,
  maxKeys = 4,
): Arbitrary<JsonNode> {
  return fc
    .tuple(
      fc.array(fc.tuple(keys, values), { maxLength: maxKeys }),
      fc.option(fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS), pollutionValue()), { freq: 4 }),
      fc.boolean(),
    )
    .map(([entries, prototypeEntry, duplicateFirst]) => {
      const all: (readonly [string, JsonNode])[] = [...entries];
      if (prototypeEntry) all.push(prototypeEntry);
      if (duplicateFirst && all.length > 0) all.push([all[0][0], 'duplicate']);
      return object(all);
    });
}

/** Values for `__proto__` / `constructor` / `prototype` keys: the payload itself, or nested under `prototype`. */
export function pollutionValue(): Arbitrary<JsonNode> {
  return fc.constantFrom<JsonNode>(
    POLLUTION_PAYLOAD,
    object([['prototype', POLLUTION_PAYLOAD]]),
    object([['__proto__', POLLUTION_PAYLOAD]]),
    null,
    'polluted',
    [POLLUTION_PAYLOAD],
  );
}

/** Keys of objects inside bodies: real member names, prototype keys and unicode. */
export function hostileKey(memberNames: readonly string[]): Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...memberNames, 'Name', 'Key', 'Value', 'Id'), weight: 6 },
    {
      arbitrary: fc.constantFrom(...PROTOTYPE_KEYS, '', ' ', '\u0000', '😀', '\uD800', 'a.b', '$where'),
      weight: 2,
    },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 1 },
  );
}
