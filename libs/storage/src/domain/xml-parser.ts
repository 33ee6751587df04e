import { MalformedXMLError } from './storage.errors';

/** A parsed element: local name (namespace prefix dropped), attributes, and children in order. */
export interface ParsedXmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: ReadonlyArray<ParsedXmlElement | string>;
}

export interface XmlParseLimits {
  readonly maxBytes: number;
  readonly maxDepth: number;
  readonly maxElements: number;
}

export const DEFAULT_XML_LIMITS: XmlParseLimits = {
  maxBytes: 1024 * 1024,
  maxDepth: 16,
  maxElements: 10_000,
};

const NAME = /[A-Za-z_][-A-Za-z0-9_.]*(?::[A-Za-z_][-A-Za-z0-9_.]*)?/y;
const ATTRIBUTE = /\s+([A-Za-z_][-A-Za-z0-9_.:]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const SPACE = /\s*/y;
const DECLARATION = /^\uFEFF?<\?xml\s[^?]*\?>/;
const REFERENCE = /&(?:#x([0-9A-Fa-f]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));/y;
const LINE_BREAK = /\r\n?/g;
/** Characters XML 1.0 does not allow literally (U+FFFE/U+FFFF; lone surrogates fail UTF-8 decoding). */
const FORBIDDEN_CHARS = /[^\P{Cc}\t\n\r\u007F-\u009F]|[\uFFFE\uFFFF]/u;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const utf8 = new TextDecoder('utf-8', { fatal: true });

function malformed(): never {
  throw new MalformedXMLError();
}

/**
 * A small XML parser for the request documents S3 takes (CreateBucketConfiguration, Delete):
 * elements, attributes, text, CDATA and comments, with the five predefined entities and character
 * references. No DTD, no other entity, no processing instruction but the declaration: nothing in
 * a document can make the parser fetch, expand or grow anything. Input is size-, depth- and
 * element-limited.
 *
 * @throws MalformedXMLError on anything else, invalid UTF-8 included.
 */
export function parseXml(input: Buffer, limits: XmlParseLimits = DEFAULT_XML_LIMITS): ParsedXmlElement {
  if (input.length > limits.maxBytes) malformed();
  let text: string;
  try {
    text = utf8.decode(input);
  } catch {
    return malformed();
  }
  const parser = new Parser(text.replace(DECLARATION, ''), limits);
  parser.skipMisc();
  const root = parser.element(1);
  parser.skipMisc();
  if (!parser.atEnd()) malformed();
  return root;
}

class Parser {
  private offset = 0;
  private elements = 0;

  constructor(
    private readonly text: string,
    private readonly limits: XmlParseLimits,
  ) {}

  atEnd(): boolean {
    return this.offset >= this.text.length;
  }

  /** Whitespace and comments, as allowed around the root element. */
  skipMisc(): void {
    for (;;) {
      this.match(SPACE);
      if (!this.text.startsWith('<!--', this.offset)) return;
      this.comment();
    }
  }

  element(depth: number): ParsedXmlElement {
    if (depth > this.limits.maxDepth || ++this.elements > this.limits.maxElements) malformed();
    if (this.text[this.offset] !== '<') malformed();
    this.offset++;
    const qualified = this.match(NAME)?.[0] ?? malformed();
    const attributes: Record<string, string> = {};
    for (let attribute = this.match(ATTRIBUTE); attribute; attribute = this.match(ATTRIBUTE)) {
      attributes[attribute[1]] = decodeText(attribute[2] ?? attribute[3]);
    }
    this.match(SPACE);
    const name = localName(qualified);
    if (this.text.startsWith('/>', this.offset)) {
      this.offset += 2;
      return { name, attributes, children: [] };
    }
    this.expect('>');
    const children = this.content(depth);
    if (this.match(NAME)?.[0] !== qualified) malformed();
    this.match(SPACE);
    this.expect('>');
    return { name, attributes, children };
  }

  /** Children up to and including `</`; the caller reads the closing name. */
  private content(depth: number): Array<ParsedXmlElement | string> {
    const children: Array<ParsedXmlElement | string> = [];
    let text = '';
    for (;;) {
      const next = this.text.indexOf('<', this.offset);
      if (next < 0) malformed();
      text += decodeText(this.text.slice(this.offset, next));
      this.offset = next;
      if (this.text.startsWith('</', next)) {
        this.offset += 2;
        if (text !== '') children.push(text);
        return children;
      }
      if (this.text.startsWith('<!--', next)) {
        this.comment();
      } else if (this.text.startsWith('<![CDATA[', next)) {
        const end = this.text.indexOf(']]>', next);
        if (end < 0) malformed();
        text += checkChars(this.text.slice(next + 9, end).replace(LINE_BREAK, '\n'));
        this.offset = end + 3;
      } else if (this.text.startsWith('<!', next) || this.text.startsWith('<?', next)) {
        malformed();
      } else {
        if (text !== '') children.push(text);
        text = '';
        children.push(this.element(depth + 1));
      }
    }
  }

  private comment(): void {
    const end = this.text.indexOf('-->', this.offset + 4);
    if (end < 0) malformed();
    this.offset = end + 3;
  }

  private expect(character: string): void {
    if (this.text[this.offset] !== character) malformed();
    this.offset++;
  }

  private match(pattern: RegExp): RegExpExecArray | undefined {
    pattern.lastIndex = this.offset;
    const found = pattern.exec(this.text);
    if (!found) return undefined;
    this.offset = pattern.lastIndex;
    return found;
  }
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/**
 * Character data with line breaks normalised and references resolved. A '&' that starts no
 * predefined entity or character reference, or a character XML does not allow, is malformed.
 */
function decodeText(raw: string): string {
  const text = checkChars(raw.replace(LINE_BREAK, '\n'));
  if (!text.includes('&')) return text;
  let out = '';
  let offset = 0;
  for (let amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', offset)) {
    REFERENCE.lastIndex = amp;
    const reference = REFERENCE.exec(text) ?? malformed();
    const [, hex, decimal, named] = reference;
    out += text.slice(offset, amp) + (named !== undefined ? NAMED[named] : referencedChar(hex, decimal));
    offset = REFERENCE.lastIndex;
  }
  return out + text.slice(offset);
}

function referencedChar(hex: string | undefined, decimal: string | undefined): string {
  const codePoint = hex !== undefined ? parseInt(hex, 16) : parseInt(decimal as string, 10);
  if (!isXmlChar(codePoint)) malformed();
  return String.fromCodePoint(codePoint);
}

function checkChars(text: string): string {
  if (FORBIDDEN_CHARS.test(text)) malformed();
  return text;
}

function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/** The text directly inside `element` (its child elements' text not included). */
export function textOf(element: ParsedXmlElement): string {
  return element.children.filter((child): child is string => typeof child === 'string').join('');
}

export function childElements(element: ParsedXmlElement, name: string): ParsedXmlElement[] {
  return element.children.filter(
    (child): child is ParsedXmlElement => typeof child !== 'string' && child.name === name,
  );
}
