import { nfc } from './text-utils';

/** A tiny XML tree: enough for TEI, written with two-space indentation and nothing else clever. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string | number | undefined>;
  /** Either one text child or element children: mixed content is not needed by any export. */
  children: string | XmlElement[];
}

export function element(
  name: string,
  attributes: XmlElement['attributes'] = {},
  children: string | Array<XmlElement | null> = [],
): XmlElement {
  return {
    name,
    attributes,
    children: typeof children === 'string' ? children : children.filter((child): child is XmlElement => child !== null),
  };
}

/** Characters XML 1.0 forbids (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF) become U+FFFD. */
const NOT_XML_CHAR =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** NFC, and U+FFFD for each character XML cannot carry even escaped; shared by TEI and DOCX. */
export function xmlCharacters(text: string): string {
  return nfc(text).replace(NOT_XML_CHAR, '\ufffd');
}

export function escapeText(text: string): string {
  return xmlCharacters(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/**
 * A valid xml:id (an NCName): characters outside [A-Za-z0-9._-] become `_`, and a `prefix` is put
 * in front when the result would not start with a letter or underscore.
 */
export function xmlId(raw: string, prefix = 'id-'): string {
  const body = raw.replace(/[^A-Za-z0-9._-]/g, '_');
  return /^[A-Za-z_]/.test(body) ? body : `${prefix}${body}`;
}

export function serializeXml(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(root, 0)}\n`;
}

function render(node: XmlElement, depth: number): string {
  const indent = '  '.repeat(depth);
  const attributes = Object.entries(node.attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`)
    .join('');
  const open = `${indent}<${node.name}${attributes}`;
  if (typeof node.children === 'string') return `${open}>${escapeText(node.children)}</${node.name}>`;
  if (node.children.length === 0) return `${open}/>`;
  const inner = node.children.map((child) => render(child, depth + 1)).join('\n');
  return `${open}>\n${inner}\n${indent}</${node.name}>`;
}
