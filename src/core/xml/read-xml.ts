/**
 * A strict, non-validating XML 1.0 reader (W3C XML 1.0, fifth edition: https://www.w3.org/TR/xml/)
 * for documents without a DTD, which is every document the tool reads (SDF role files, SOAP
 * messages). It reads text as the standard defines it, so its reading is what NetSuite and every
 * conforming parser read: the five predefined entities and numeric character references are
 * decoded, line ends are normalised, attribute values are normalised. What could be read
 * differently is refused with a position: a DOCTYPE (entities we would not expand), an undefined
 * entity, a character XML does not allow, a malformed or mismatched tag. Every element keeps the
 * offsets of its tags, so a caller can point at it (file:line:column) or rewrite it in place.
 */

/** One attribute as written, its value decoded. */
interface XmlAttribute {
  name: string;
  value: string;
  /** Offset of the attribute's name. */
  start: number;
}

/** A run of character data (text, references and CDATA sections between two tags), decoded. */
interface XmlText {
  kind: 'text';
  value: string;
  start: number;
  end: number;
}

/** A comment or processing instruction: kept as a place, never read. */
interface XmlOther {
  kind: 'comment' | 'pi';
  start: number;
  end: number;
}

/** An element with the offsets of its tags (`start`..`openEnd` is the start tag; `closeStart`..`end` the end tag). */
export interface XmlElement {
  kind: 'element';
  /** The qualified name as written (`soapenv:Body`). */
  name: string;
  attributes: XmlAttribute[];
  children: Array<XmlElement | XmlText | XmlOther>;
  start: number;
  openEnd: number;
  /** For `<a/>`, equal to `openEnd` (and `end`). */
  closeStart: number;
  end: number;
  selfClosing: boolean;
}

/** Why a document is not well-formed, and where. */
export interface XmlError {
  message: string;
  offset: number;
  line: number;
  column: number;
}

/** Elements may nest this deep at most: deeper is refused (no real role or SOAP answer comes close). */
const MAX_XML_DEPTH = 100;

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

// Name characters (XML 1.0 fifth edition, productions 4 and 4a), over UTF-16 code units: a
// surrogate pair stands for #x10000-#xEFFFF, which NameStartChar allows.
const NAME_START = 'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const PAIR = '[\\uD800-\\uDB7F][\\uDC00-\\uDFFF]';
const NAME = new RegExp(`(?:[:${NAME_START}]|${PAIR})(?:[:${NAME_CHAR}]|${PAIR})*`, 'y');
// Characters XML does not allow (production 2), and lone surrogates.
// eslint-disable-next-line no-control-regex
const NOT_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const SPACE = /[ \t\r\n]/;

/** True when a code point is a character XML allows (production 2). */
function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

class Fail extends Error {
  constructor(readonly reason: string, readonly offset: number) {
    super(reason);
  }
}

/** The 1-based line and column of an offset (columns count UTF-16 code units, as editors mostly do). */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Parses a whole document. Either the root element, or why it is not well-formed (never both). */
export function readXml(text: string): { root: XmlElement; error?: undefined } | { root?: undefined; error: XmlError } {
  try {
    return { root: new Reader(text).document() };
  } catch (e) {
    if (!(e instanceof Fail)) throw e;
    return { error: { message: e.reason, offset: e.offset, ...positionOf(text, e.offset) } };
  }
}

class Reader {
  private i = 0;
  constructor(private readonly s: string) {}

  document(): XmlElement {
    const bad = NOT_CHAR.exec(this.s);
    if (bad) throw new Fail(`a character XML does not allow (U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`, bad.index);
    if (this.s.charCodeAt(0) === 0xfeff) this.i = 1;
    if (this.s.startsWith('<?xml', this.i) && /[\s?]/.test(this.s[this.i + 5] ?? '')) this.declaration();
    let root: XmlElement | undefined;
    for (;;) {
      this.skipSpace();
      if (this.i >= this.s.length) break;
      if (this.s.startsWith('<!--', this.i)) this.comment();
      else if (this.s.startsWith('<?', this.i)) this.pi();
      else if (this.s.startsWith('<!DOCTYPE', this.i)) throw new Fail('DOCTYPE is not allowed (a DTD is not read: its entities could change what the document says)', this.i);
      else if (this.s[this.i] === '<' && !root) root = this.element(1);
      else if (this.s[this.i] === '<') throw new Fail('a second root element (a document has one)', this.i);
      else throw new Fail(root ? 'text after the root element' : 'text before the root element', this.i);
    }
    if (!root) throw new Fail('no root element', this.s.length);
    return root;
  }

  private skipSpace(): void {
    while (this.i < this.s.length && SPACE.test(this.s[this.i])) this.i++;
  }

  private expect(literal: string, what: string): void {
    if (!this.s.startsWith(literal, this.i)) throw new Fail(`expected ${what}`, this.i);
    this.i += literal.length;
  }

  private name(what: string): string {
    NAME.lastIndex = this.i;
    const m = NAME.exec(this.s);
    if (!m) throw new Fail(`expected ${what}`, this.i);
    this.i += m[0].length;
    return m[0];
  }

  /** `<?xml version="1.0" encoding="..." standalone="..."?>`, only at the very start. */
  private declaration(): void {
    const start = this.i;
    const end = this.s.indexOf('?>', this.i);
    if (end < 0) throw new Fail('an XML declaration that does not end', start);
    const body = this.s.slice(this.i + 5, end);
    if (!/^\s+version\s*=\s*(["'])1\.\d+\1(\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*$/.test(body)) {
      throw new Fail('a malformed XML declaration', start);
    }
    // The text reached us as UTF-8 (the file reader refuses bytes that are not): a document that
    // says it is written otherwise would be read as something it is not.
    const encoding = /encoding\s*=\s*["']([^"']*)["']/.exec(body);
    if (encoding && !/^(utf-?8|us-ascii|ascii)$/i.test(encoding[1])) {
      throw new Fail(`the document declares encoding "${encoding[1]}"; only UTF-8 is read (SDF files are UTF-8): save it as UTF-8 and change the declaration`, this.i + 5 + encoding.index);
    }
    this.i = end + 2;
  }

  private comment(): XmlOther {
    const start = this.i;
    const end = this.s.indexOf('--', this.i + 4);
    if (end < 0) throw new Fail('a comment that does not end', start);
    if (this.s[end + 2] !== '>') throw new Fail("'--' inside a comment", end);
    this.i = end + 3;
    return { kind: 'comment', start, end: this.i };
  }

  private pi(): XmlOther {
    const start = this.i;
    this.i += 2;
    const target = this.name('a processing instruction target');
    if (target.toLowerCase() === 'xml') throw new Fail('an XML declaration after the start of the document', start);
    const end = this.s.indexOf('?>', this.i);
    if (end < 0) throw new Fail('a processing instruction that does not end', start);
    if (end > this.i && !SPACE.test(this.s[this.i])) throw new Fail('expected a space after the processing instruction target', this.i);
    this.i = end + 2;
    return { kind: 'pi', start, end: this.i };
  }

  /** A reference at `&`: the character it stands for. */
  private reference(): string {
    const start = this.i;
    const semi = this.s.indexOf(';', this.i);
    const body = semi < 0 ? '' : this.s.slice(this.i + 1, semi);
    if (semi < 0 || semi - start > 40) throw new Fail("'&' that starts no reference (write &amp;)", start);
    this.i = semi + 1;
    if (body.startsWith('#')) {
      const m = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(body);
      const cp = m ? (m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2], 10)) : NaN;
      if (!m || !isXmlChar(cp)) throw new Fail(`&${body}; is not a character XML allows`, start);
      return String.fromCodePoint(cp);
    }
    if (Object.hasOwn(PREDEFINED, body)) return PREDEFINED[body];
    NAME.lastIndex = 0;
    const named = NAME.exec(body);
    if (named && named[0] === body) throw new Fail(`&${body}; is not defined (XML defines &lt; &gt; &amp; &apos; &quot; and numeric references; a document without a DTD can use no other)`, start);
    throw new Fail("'&' that starts no reference (write &amp;)", start);
  }

  private attributeValue(): string {
    const quote = this.s[this.i];
    if (quote !== '"' && quote !== "'") throw new Fail('expected a quoted attribute value', this.i);
    this.i++;
    let out = '';
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined) throw new Fail('an attribute value that does not end', this.i);
      if (c === quote) { this.i++; return out; }
      if (c === '<') throw new Fail("'<' inside an attribute value", this.i);
      if (c === '&') { out += this.reference(); continue; }
      // Attribute-value normalisation (3.3.3): a literal line end or tab reads as a space; a
      // CR LF pair as one.
      if (c === '\r') { out += ' '; this.i += this.s[this.i + 1] === '\n' ? 2 : 1; continue; }
      out += c === '\n' || c === '\t' ? ' ' : c;
      this.i++;
    }
  }

  private element(depth: number): XmlElement {
    const start = this.i;
    if (depth > MAX_XML_DEPTH) throw new Fail(`elements nested deeper than ${MAX_XML_DEPTH}`, start);
    this.i++;
    const name = this.name('an element name after <');
    const attributes: XmlAttribute[] = [];
    for (;;) {
      const before = this.i;
      this.skipSpace();
      if (this.s.startsWith('/>', this.i)) {
        this.i += 2;
        return { kind: 'element', name, attributes, children: [], start, openEnd: this.i, closeStart: this.i, end: this.i, selfClosing: true };
      }
      if (this.s[this.i] === '>') { this.i++; break; }
      if (this.i === before) throw new Fail(`expected a space, '>' or '/>' in the tag <${name}>`, this.i);
      const at = this.i;
      const attr = this.name(`an attribute name, '>' or '/>' in the tag <${name}>`);
      if (attributes.some((a) => a.name === attr)) throw new Fail(`the attribute ${attr} appears twice in <${name}>`, at);
      this.skipSpace();
      this.expect('=', `'=' after the attribute ${attr}`);
      this.skipSpace();
      attributes.push({ name: attr, value: this.attributeValue(), start: at });
    }
    const openEnd = this.i;
    const children = this.content(depth);
    const closeStart = this.i;
    this.i += 2;
    const closing = this.name('an element name after </');
    if (closing !== name) {
      const open = positionOf(this.s, start);
      throw new Fail(`</${closing}> where </${name}> was expected (<${name}> opened at line ${open.line}, column ${open.column})`, closeStart);
    }
    this.skipSpace();
    this.expect('>', `'>' to end </${closing}`);
    return { kind: 'element', name, attributes, children, start, openEnd, closeStart, end: this.i, selfClosing: false };
  }

  /** An element's content, up to (not including) its end tag. */
  private content(depth: number): XmlElement['children'] {
    const children: XmlElement['children'] = [];
    let text = '';
    let textStart = -1;
    const flush = () => {
      if (textStart >= 0) children.push({ kind: 'text', value: text, start: textStart, end: this.i });
      text = '';
      textStart = -1;
    };
    const begin = () => { if (textStart < 0) textStart = this.i; };
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined) throw new Fail('the document ends inside an element (a missing end tag)', this.i);
      if (c === '<') {
        if (this.s.startsWith('</', this.i)) { flush(); return children; }
        if (this.s.startsWith('<![CDATA[', this.i)) {
          begin();
          const end = this.s.indexOf(']]>', this.i + 9);
          if (end < 0) throw new Fail('a CDATA section that does not end', this.i);
          text += normaliseLineEnds(this.s.slice(this.i + 9, end));
          this.i = end + 3;
          continue;
        }
        flush();
        if (this.s.startsWith('<!--', this.i)) children.push(this.comment());
        else if (this.s.startsWith('<?', this.i)) children.push(this.pi());
        else if (this.s.startsWith('<!', this.i)) throw new Fail('a declaration inside an element', this.i);
        else children.push(this.element(depth + 1));
        continue;
      }
      begin();
      if (c === '&') { text += this.reference(); continue; }
      if (c === ']' && this.s.startsWith(']]>', this.i)) throw new Fail("']]>' in text (write ]]&gt;)", this.i);
      if (c === '\r') { text += '\n'; this.i += this.s[this.i + 1] === '\n' ? 2 : 1; continue; }
      // A plain run up to the next markup, reference, CR or ']' in one slice.
      let j = this.i + 1;
      while (j < this.s.length) {
        const d = this.s[j];
        if (d === '<' || d === '&' || d === '\r' || d === ']') break;
        j++;
      }
      text += this.s.slice(this.i, j);
      this.i = j;
    }
  }
}

function normaliseLineEnds(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}

/** The element's child elements. */
export function childElements(e: XmlElement): XmlElement[] {
  return e.children.filter((c): c is XmlElement => c.kind === 'element');
}

/** The element's own text (its text children joined; child elements' text is not included). */
export function ownText(e: XmlElement): string {
  let out = '';
  for (const c of e.children) if (c.kind === 'text') out += c.value;
  return out;
}

/**
 * Trims XML's white space (space, tab, CR, LF: XML 1.0 production S) and nothing else. String's
 * trim() also takes U+00A0, U+2028, U+FEFF and the other Unicode spaces, which in XML are
 * characters of the value: `TRAN_CUSTRFND&#xA0;` is not the key TRAN_CUSTRFND.
 */
export function xmlTrim(s: string): string {
  return s.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}

/** Escapes text for XML content and attributes, dropping the control characters XML 1.0 forbids. */
export function xmlEscape(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
