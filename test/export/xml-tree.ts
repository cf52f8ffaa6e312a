import { XMLParser } from 'fast-xml-parser';

/** A parsed XML element, in document order, for structural assertions. */
export interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
});

export function parseTree(xml: string): Node {
  const top = (parser.parse(xml) as Ordered[]).map(toNode).filter((node) => node.name !== '?xml');
  if (top.length !== 1) throw new Error(`expected one root element, got ${top.length}`);
  return top[0];
}

function toNode(entry: Ordered): Node {
  const name = Object.keys(entry).find((key) => key !== ':@') as string;
  const raw = entry[name] as Ordered[];
  const children = raw.filter((child) => !('#text' in child)).map(toNode);
  const text = raw
    .filter((child) => '#text' in child)
    .map((child) => String(child['#text']))
    .join('');
  return { name, attrs: entry[':@'] ?? {}, children, text };
}

export function child(node: Node, name: string, attrs: Record<string, string> = {}): Node {
  const found = children(node, name, attrs)[0];
  if (!found)
    throw new Error(
      `<${node.name}> has no <${name}> ${JSON.stringify(attrs)}; children: ${node.children.map((c) => c.name).join(', ')}`,
    );
  return found;
}

export function children(node: Node, name: string, attrs: Record<string, string> = {}): Node[] {
  return node.children.filter(
    (c) => c.name === name && Object.entries(attrs).every(([key, value]) => c.attrs[key] === value),
  );
}

export function path(node: Node, ...names: string[]): Node {
  return names.reduce((parent, name) => child(parent, name), node);
}

export function descendants(node: Node): Node[] {
  return node.children.flatMap((c) => [c, ...descendants(c)]);
}
