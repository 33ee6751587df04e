/** An element to render: text content is escaped, `undefined` children and contents are left out. */
export interface XmlElement {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, string>>;
  readonly content: XmlContent;
}

export type XmlContent = string | number | boolean | XmlElement | undefined | readonly XmlContent[];

export const S3_XML_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

export function xmlElement(
  name: string,
  content: XmlContent,
  attributes?: Record<string, string>,
): XmlElement {
  return { name, content, attributes };
}

/** The element, or nothing when `value` is undefined (an optional member of the answer). */
export function optionalElement(name: string, value: XmlContent): XmlElement | undefined {
  return value === undefined ? undefined : { name, content: value };
}

// Markup characters, CR (which a parser would turn into LF) and the characters XML 1.0 cannot hold
// literally: control characters and U+FFFE/U+FFFF. Keys may contain any of them; clients that
// must read such keys ask for encoding-type=url.
const NEEDS_ESCAPE = /[&<>"']|[^\P{Cc}\t\n\u007F-\u009F]|[\uFFFE\uFFFF]/gu;
const NAMED: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeXml(text: string): string {
  return text.replace(NEEDS_ESCAPE, (c) => NAMED[c] ?? `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
}

function renderContent(content: XmlContent): string {
  if (content === undefined) return '';
  if (typeof content === 'string') return escapeXml(content);
  if (typeof content === 'number' || typeof content === 'boolean') return String(content);
  if (Array.isArray(content)) return (content as readonly XmlContent[]).map(renderContent).join('');
  return renderElement(content as XmlElement);
}

function renderElement(element: XmlElement): string {
  const attributes = Object.entries(element.attributes ?? {})
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('');
  return `<${element.name}${attributes}>${renderContent(element.content)}</${element.name}>`;
}

/** A complete UTF-8 XML document with `root` as its element. */
export function renderXmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderElement(root)}`;
}
