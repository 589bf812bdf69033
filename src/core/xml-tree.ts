import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An XML element with its namespace resolved (prefixes are the sender's business, not ours). */
export interface XmlNode {
  ns: string;
  local: string;
  /** Attributes by qualified name as written (`xsi:type`), values raw. */
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
  /** Prefix -> namespace in scope at this element (for QName attribute values like xsi:type). */
  scope: Record<string, string>;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: true, // the five predefined entities only; DOCTYPEs are refused before parsing
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

type Ordered = Array<Record<string, unknown>>;

/** Elements may nest this deep at most (fast-xml-parser's own limit is 100; ours says where). */
const MAX_XML_DEPTH = 100;

// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/**
 * What a validator lets through but XML 1.0 forbids, checked in one pass: characters XML does
 * not allow, an XML declaration after the start, nesting deeper than MAX_XML_DEPTH. The offset
 * says where, so callers can give a line.
 */
export function checkXmlText(text: string): { error: string; offset: number } | undefined {
  const bad = NOT_XML_CHAR.exec(text);
  if (bad) return { error: `a character XML does not allow (U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`, offset: bad.index };
  const decl = text.indexOf('<?xml', 1);
  if (decl > 0 && !(decl === 1 && text.charCodeAt(0) === 0xfeff)) return { error: 'an XML declaration after the start of the document', offset: decl };
  let depth = 0;
  for (const m of text.matchAll(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)[A-Za-z_][^>]*?(\/?)>/g)) {
    if (m[0].startsWith('<!') || m[0].startsWith('<?')) continue;
    if (m[1]) depth--;
    else if (!m[2]) depth++;
    if (depth > MAX_XML_DEPTH) return { error: `elements nested deeper than ${MAX_XML_DEPTH}`, offset: m.index! };
  }
  return undefined;
}

/** Line (1-based) of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Parses XML into namespace-resolved nodes; undefined (with a reason) when it is not well-formed. */
export function parseXmlTree(text: string): { root?: XmlNode; error?: string } {
  if (/<!DOCTYPE/i.test(text)) return { error: 'DOCTYPE is not allowed' };
  const strict = checkXmlText(text);
  if (strict) return { error: `${strict.error} (line ${lineAt(text, strict.offset)})` };
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { error: `${valid.err.msg} (line ${valid.err.line})` };
  const doc = parser.parse(text) as Ordered;
  const rootEntry = doc.find((e) => !Object.keys(e)[0].startsWith('?'));
  if (!rootEntry) return { error: 'no root element' };
  return { root: toNode(rootEntry, {}) };
}

function toNode(entry: Record<string, unknown>, parentScope: Record<string, string>): XmlNode {
  const qname = Object.keys(entry).find((k) => k !== ':@')!;
  const rawAttrs = (entry[':@'] ?? {}) as Record<string, string>;
  const scope = { ...parentScope };
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(rawAttrs)) {
    if (k === 'xmlns') scope[''] = v;
    else if (k.startsWith('xmlns:')) scope[k.slice(6)] = v;
    else attrs[k] = String(v);
  }
  const [prefix, local] = qname.includes(':') ? qname.split(':', 2) : ['', qname];
  const node: XmlNode = { ns: scope[prefix] ?? '', local, attrs, children: [], text: '', scope };
  for (const child of (entry[qname] ?? []) as Ordered) {
    if ('#text' in child) node.text += String(child['#text']);
    else node.children.push(toNode(child, scope));
  }
  return node;
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

/** Escapes text for XML content and attributes, dropping the control characters XML 1.0 forbids. */
export function xmlEscape(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
