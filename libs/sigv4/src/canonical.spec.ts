import {
  canonicalHeaderValue,
  canonicalPathCandidates,
  canonicalQueryString,
  normalizedCanonicalPath,
  parseQuery,
  uriEncode,
} from './canonical';

describe(uriEncode.name, () => {
  it('leaves only RFC 3986 unreserved characters literal', () => {
    expect(uriEncode('AZaz09-._~')).toBe('AZaz09-._~');
    expect(uriEncode(' !"#$&\'()*+,/:;=?@[]')).toBe(
      '%20%21%22%23%24%26%27%28%29%2A%2B%2C%2F%3A%3B%3D%3F%40%5B%5D',
    );
  });

  it('encodes the UTF-8 bytes of other characters with upper-case hex', () => {
    expect(uriEncode('ሴ€')).toBe('%E1%88%B4%E2%82%AC');
    expect(uriEncode('%')).toBe('%25');
  });
});

describe(normalizedCanonicalPath.name, () => {
  it('encodes the path as sent a second time, as the AWS SDKs do for non-S3 services', () => {
    expect(normalizedCanonicalPath('/v1/a%20b')).toBe('/v1/a%2520b');
    expect(normalizedCanonicalPath('/v1/trails/arn%3Aaws%3Acloudtrail%3Aus-east-1%3A1%3Atrail%2Ft')).toBe(
      '/v1/trails/arn%253Aaws%253Acloudtrail%253Aus-east-1%253A1%253Atrail%252Ft',
    );
    expect(normalizedCanonicalPath('/v1/a:b@c!')).toBe('/v1/a%3Ab%40c%21');
  });

  it('drops empty and dot segments, resolves dot-dot and keeps a trailing slash', () => {
    expect(normalizedCanonicalPath('')).toBe('/');
    expect(normalizedCanonicalPath('//v1//trails//')).toBe('/v1/trails/');
    expect(normalizedCanonicalPath('/v1/./x/../y')).toBe('/v1/y');
    expect(normalizedCanonicalPath('/../..')).toBe('/');
  });
});

describe(canonicalPathCandidates.name, () => {
  it('offers only the SDK form when the path as sent is already canonical', () => {
    expect(canonicalPathCandidates('/v1/trails')).toEqual(['/v1/trails']);
  });

  it("offers curl 7.x's as-sent path second", () => {
    expect(canonicalPathCandidates('/v1/a%3Ab')).toEqual(['/v1/a%253Ab', '/v1/a%3Ab']);
    expect(canonicalPathCandidates('//v1//x')).toEqual(['/v1/x', '//v1//x']);
  });

  it('refuses the as-sent form of a path containing %25, which would alias another resource', () => {
    // The SDK signs /a%20b as /a%2520b; a raw /a%2520b must not inherit that signature.
    expect(canonicalPathCandidates('/a%2520b')).toEqual(['/a%252520b']);
  });
});

describe(canonicalQueryString.name, () => {
  const canonical = (raw: string, omit?: string): string => canonicalQueryString(parseQuery(raw), omit);

  it('sorts by encoded name, then by encoded value, in byte order', () => {
    expect(canonical('b=2&a=3&B=1&a=1')).toBe('B=1&a=1&a=3&b=2');
    expect(canonical('a=1&a-b=2')).toBe('a=1&a-b=2');
  });

  it('decodes then re-encodes every name and value', () => {
    expect(canonical('q=%7e%21*x')).toBe('q=~%21%2Ax');
    expect(canonical('%E1%88%B4=v')).toBe('%E1%88%B4=v');
  });

  it("reads '+' as a space, as the application's query parser does, and %2B as a plus", () => {
    expect(canonical('a=x+y&b=x%2By')).toBe('a=x%20y&b=x%2By');
  });

  it('gives a name without a value the empty value and skips empty parameters', () => {
    expect(canonical('flag&&b=')).toBe('b=&flag=');
  });

  it('keeps a stray percent sign literal instead of failing', () => {
    expect(canonical('a=100%&b=%zz')).toBe('a=100%25&b=%25zz');
  });

  it('leaves out the parameter named to omit', () => {
    expect(canonical('X-Amz-Signature=abc&a=1', 'X-Amz-Signature')).toBe('a=1');
  });
});

describe(canonicalHeaderValue.name, () => {
  it('trims and collapses runs of spaces and tabs', () => {
    expect(canonicalHeaderValue('  a \t  b   c ')).toBe('a b c');
  });

  it('joins the values of a repeated header with commas, in the order sent', () => {
    expect(canonicalHeaderValue([' value2', 'value2 ', 'value1'])).toBe('value2,value2,value1');
  });

  it.each([
    ['a b', 'a b'],
    ['a  b', 'a b'],
    ['a\tb', 'a b'],
    ['a\r\nb', 'a b'],
    [' a', 'a'],
    ['a ', 'a'],
    ['', ''],
  ])('writes %j as %j', (value, canonical) => {
    expect(canonicalHeaderValue(value)).toBe(canonical);
    expect(canonicalHeaderValue([value])).toBe(canonical);
  });
});
