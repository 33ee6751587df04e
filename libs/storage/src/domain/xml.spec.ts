import { parseCreateBucketConfiguration, parseDeleteObjects } from './s3-xml-requests';
import { childElements, parseXml, textOf } from './xml-parser';
import { escapeXml, optionalElement, renderXmlDocument, xmlElement } from './xml-writer';

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

const xml = (text: string) => Buffer.from(text, 'utf8');

describe('escapeXml and renderXmlDocument', () => {
  it('escapes markup, CR and characters XML cannot hold literally', () => {
    expect(escapeXml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
    expect(escapeXml('line\r\nnext\ttab\u0001\uFFFF')).toBe('line&#xD;\nnext\ttab&#x1;&#xFFFF;');
    expect(escapeXml('plain/é/\u{1F600}')).toBe('plain/é/\u{1F600}');
  });

  it('renders nested elements, leaving out optional ones that are absent', () => {
    const document = renderXmlDocument(
      xmlElement(
        'Root',
        [xmlElement('A', 'x&y'), optionalElement('B', undefined), xmlElement('C', 3), xmlElement('D', '')],
        {
          xmlns: 'urn:x',
        },
      ),
    );
    expect(document).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Root xmlns="urn:x"><A>x&amp;y</A><C>3</C><D></D></Root>',
    );
  });

  it('round-trips any storable key through the parser', () => {
    const key = ' lead & <trail> "q" \'a\' \r\n\t/é/\u{1F600}/%_ ';
    const parsed = parseXml(xml(renderXmlDocument(xmlElement('Key', key))));
    expect(textOf(parsed)).toBe(key);
  });
});

describe('parseXml', () => {
  it('reads elements, attributes, prefixes, CDATA, comments and references', () => {
    const root = parseXml(
      xml(`\uFEFF<?xml version="1.0" encoding="UTF-8"?>
        <!-- before --><s3:Doc xmlns:s3="urn:x" a='1'><Item>one&amp;&#x41;&#66;</Item><!-- c --><Item><![CDATA[<two>]]></Item><Empty/></s3:Doc>`),
    );
    expect(root.name).toBe('Doc');
    expect(root.attributes).toEqual({ 'xmlns:s3': 'urn:x', a: '1' });
    expect(childElements(root, 'Item').map(textOf)).toEqual(['one&AB', '<two>']);
    expect(childElements(root, 'Empty')).toHaveLength(1);
  });

  it.each([
    ['a DOCTYPE', '<!DOCTYPE d [<!ENTITY e "x">]><d>&e;</d>'],
    ['an unknown entity', '<d>&e;</d>'],
    ['a bare ampersand', '<d>a & b</d>'],
    ['a reference to NUL', '<d>&#0;</d>'],
    ['a literal control character', '<d>\u0001</d>'],
    ['a processing instruction', '<d><?pi x?></d>'],
    ['mismatched tags', '<a><b></a></b>'],
    ['an unclosed element', '<a><b></b>'],
    ['two roots', '<a/><b/>'],
    ['text after the root', '<a/>x'],
    ['no root', '   '],
  ])('refuses %s with MalformedXML', (_, text) => {
    expect(codeOf(() => parseXml(xml(text)))).toBe('MalformedXML');
  });

  it('refuses invalid UTF-8 and documents past the size, depth or element limits', () => {
    expect(codeOf(() => parseXml(Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e])))).toBe(
      'MalformedXML',
    );
    expect(codeOf(() => parseXml(xml('<a></a>'), { maxBytes: 5, maxDepth: 5, maxElements: 5 }))).toBe(
      'MalformedXML',
    );
    expect(
      codeOf(() => parseXml(xml('<a><a><a></a></a></a>'), { maxBytes: 100, maxDepth: 2, maxElements: 5 })),
    ).toBe('MalformedXML');
    expect(
      codeOf(() => parseXml(xml('<a><b/><b/><b/></a>'), { maxBytes: 100, maxDepth: 5, maxElements: 3 })),
    ).toBe('MalformedXML');
  });
});

describe('parseCreateBucketConfiguration', () => {
  it('reads the location constraint, and none from an empty body', () => {
    expect(
      parseCreateBucketConfiguration(
        xml(
          '<?xml version="1.0" encoding="UTF-8"?><CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>',
        ),
      ),
    ).toEqual({ locationConstraint: 'eu-west-1' });
    expect(parseCreateBucketConfiguration(Buffer.alloc(0))).toEqual({});
    expect(parseCreateBucketConfiguration(xml('<CreateBucketConfiguration/>'))).toEqual({});
  });

  it('refuses another document with MalformedXML', () => {
    expect(codeOf(() => parseCreateBucketConfiguration(xml('<Other/>')))).toBe('MalformedXML');
    expect(codeOf(() => parseCreateBucketConfiguration(xml('not xml')))).toBe('MalformedXML');
  });
});

describe('parseDeleteObjects', () => {
  it('reads keys exactly, versions and the quiet flag, as @aws-sdk/client-s3 writes them', () => {
    const body =
      '<?xml version="1.0" encoding="UTF-8"?><Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Object><Key>a</Key></Object><Object><Key>b&amp;c</Key><VersionId>null</VersionId></Object><Object><Key> spaced </Key></Object><Quiet>true</Quiet></Delete>';
    expect(parseDeleteObjects(xml(body))).toEqual({
      objects: [{ key: 'a' }, { key: 'b&c', versionId: 'null' }, { key: ' spaced ' }],
      quiet: true,
    });
  });

  it('refuses no object, more than 1000, an object without exactly one key, or a bad Quiet', () => {
    const objects = (n: number) => '<Object><Key>k</Key></Object>'.repeat(n);
    expect(parseDeleteObjects(xml(`<Delete>${objects(1000)}</Delete>`)).objects).toHaveLength(1000);
    for (const body of [
      '<Delete></Delete>',
      `<Delete>${objects(1001)}</Delete>`,
      '<Delete><Object></Object></Delete>',
      '<Delete><Object><Key>a</Key><Key>b</Key></Object></Delete>',
      `<Delete>${objects(1)}<Quiet>yes</Quiet></Delete>`,
      `<Remove>${objects(1)}</Remove>`,
    ]) {
      expect(codeOf(() => parseDeleteObjects(xml(body)))).toBe('MalformedXML');
    }
  });
});
