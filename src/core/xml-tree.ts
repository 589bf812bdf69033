import { childElements, ownText, readXml, xmlEscape, type XmlElement } from './xml/read-xml';

export { xmlEscape };

/** An XML element with its namespace resolved (prefixes are the sender's business, not ours). */
export interface XmlNode {
  ns: string;
  local: string;
  /** Attributes by qualified name as written (`xsi:type`), values decoded. */
  attrs: Record<string, string>;
  children: XmlNode[];
  /** The element's own text, decoded and trimmed. */
  text: string;
  /** Prefix -> namespace in scope at this element (for QName attribute values like xsi:type). */
  scope: Record<string, string>;
}

/**
 * Parses XML (a SOAP message) into namespace-resolved nodes with the one reader every XML input
 * goes through (core/xml/read-xml.ts): references decoded, DOCTYPEs refused. When the text is not
 * well-formed, the reason says where.
 */
export function parseXmlTree(text: string): { root?: XmlNode; error?: string } {
  const read = readXml(text);
  if (read.error) return { error: `${read.error.message} (line ${read.error.line}, column ${read.error.column})` };
  return { root: toNode(read.root, {}) };
}

function toNode(e: XmlElement, parentScope: Record<string, string>): XmlNode {
  const scope = { ...parentScope };
  const attrs: Record<string, string> = {};
  for (const a of e.attributes) {
    if (a.name === 'xmlns') scope[''] = a.value;
    else if (a.name.startsWith('xmlns:')) scope[a.name.slice(6)] = a.value;
    else attrs[a.name] = a.value;
  }
  const colon = e.name.indexOf(':');
  const [prefix, local] = colon < 0 ? ['', e.name] : [e.name.slice(0, colon), e.name.slice(colon + 1)];
  return { ns: scope[prefix] ?? '', local, attrs, children: childElements(e).map((c) => toNode(c, scope)), text: ownText(e).trim(), scope };
}

/** The first child with this local name (and namespace, when given). */
export function child(node: XmlNode | undefined, local: string, ns?: string): XmlNode | undefined {
  return node?.children.find((c) => c.local === local && (ns === undefined || c.ns === ns));
}

/** Resolves a QName value such as `platformCommon:CustomerSearchBasic` in the node's scope. */
export function resolveQName(node: XmlNode, value: string): { ns: string; local: string } {
  const [prefix, local] = value.includes(':') ? value.split(':', 2) : ['', value];
  return { ns: node.scope[prefix] ?? '', local };
}
