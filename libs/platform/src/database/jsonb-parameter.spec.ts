import { jsonbArrayParameter } from './jsonb-parameter';

/** What PostgreSQL reads from the binary parameter: its format version and its JSON text. */
function decoded(parameter: Buffer): { version: number; text: string } {
  return { version: parameter[0], text: parameter.subarray(1).toString('utf8') };
}

describe(jsonbArrayParameter.name, () => {
  it.each([0, 1, 31, 32, 33, 100])('carries the JSON text of %i items, in jsonb format 1', (count) => {
    const items = Array.from({ length: count }, (_, i) => ({
      id: i,
      name: `item ${i}`,
      nested: { list: [i] },
    }));

    expect(decoded(jsonbArrayParameter(items))).toEqual({ version: 1, text: JSON.stringify(items) });
  });

  it('writes what JSON.stringify writes for any member: escapes, non-ASCII text, null and undefined', () => {
    const items = [
      { quote: '"\\\n', text: 'héllo ☃ 𝄞', missing: undefined, none: null },
      undefined,
      'a string',
      42,
      ...Array.from({ length: 40 }, (_, i) => [i, `é${i}`]),
    ];

    expect(decoded(jsonbArrayParameter(items))).toEqual({ version: 1, text: JSON.stringify(items) });
  });
});
