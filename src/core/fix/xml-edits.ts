/**
 * Edits to an XML document's text that keep every byte they do not touch: comments, element
 * order, indentation, line ends, unknown elements. Each edit replaces one range of the original
 * text; new elements take the indentation and line end of their neighbours.
 */
import { childElements, type XmlElement } from '../xml/read-xml';

/** Replace `text.slice(start, end)` with `insert`. */
export interface TextEdit {
  start: number;
  end: number;
  insert: string;
}

/** Applies edits (ranges of the original text, none overlapping) in one pass. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error(`overlapping edits at ${e.start}`);
    out += text.slice(at, e.start) + e.insert;
    at = e.end;
  }
  return out + text.slice(at);
}

/** How a document writes its lines: the line end and the indentation unit. */
export interface Layout {
  eol: string;
  unit: string;
}

/** The document's line end (CR LF when it uses them) and indentation unit (from its first indented line; two spaces by default). */
export function layoutOf(text: string): Layout {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /\n([ \t]+)</.exec(text)?.[1];
  return { eol, unit: indent && /^( +|\t+)$/.test(indent) ? indent : '  ' };
}

/** The white space before an element on its line, or undefined when other text precedes it there. */
function indentOf(text: string, e: XmlElement): string | undefined {
  const lineStart = text.lastIndexOf('\n', e.start - 1) + 1;
  const before = text.slice(lineStart, e.start);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

/**
 * The start of the comment lines directly above a line (a comment belongs to what it stands over):
 * new lines go above them, not between a comment and the element it describes.
 */
function commentsAbove(text: string, lineStart: number, floor: number): number {
  let at = lineStart;
  while (at > floor) {
    const prevStart = text.lastIndexOf('\n', at - 2) + 1;
    if (prevStart < floor || !/^[ \t]*<!--(?:(?!-->)[\s\S])*-->[ \t]*\r?\n$/.test(text.slice(prevStart, at))) break;
    at = prevStart;
  }
  return at;
}

/** Sets an element's text content: `<a>old</a>` becomes `<a>new</a>`, `<a/>` becomes `<a>new</a>`. */
export function setTextEdit(e: XmlElement, escaped: string): TextEdit {
  if (e.selfClosing) return { start: e.start, end: e.end, insert: `<${e.name}>${escaped}</${e.name}>` };
  return { start: e.openEnd, end: e.closeStart, insert: escaped };
}

/** Removes an element; when it stands alone on its line(s), the whole line goes with it. */
export function removeEdit(text: string, e: XmlElement): TextEdit {
  const lineStart = text.lastIndexOf('\n', e.start - 1) + 1;
  const aloneBefore = /^[ \t]*$/.test(text.slice(lineStart, e.start));
  const eolAt = text.indexOf('\n', e.end);
  const lineEnd = eolAt < 0 ? text.length : eolAt + 1;
  const aloneAfter = /^[ \t]*\r?\n?$/.test(text.slice(e.end, lineEnd));
  if (aloneBefore && aloneAfter) return { start: lineStart, end: lineEnd, insert: '' };
  return { start: e.start, end: e.end, insert: '' };
}

/**
 * Inserts new lines inside `parent`: before `before` (a child), else after its last child, else
 * as its first content. `lines` are the new element's lines, each without indentation or line end;
 * `depth` indents each line by that many units further (for nested elements).
 */
export function insertEdit(text: string, layout: Layout, parent: XmlElement, before: XmlElement | undefined, lines: ReadonlyArray<{ depth: number; text: string }>): TextEdit {
  const kids = childElements(parent);
  const anchor = before ?? kids[kids.length - 1];
  const parentIndent = indentOf(text, parent) ?? '';
  const indent = (anchor && indentOf(text, anchor)) ?? parentIndent + layout.unit;
  const body = lines.map((l) => indent + layout.unit.repeat(l.depth) + l.text).join(layout.eol);
  if (before) {
    if (indentOf(text, before) !== undefined) {
      const at = commentsAbove(text, text.lastIndexOf('\n', before.start - 1) + 1, parent.openEnd);
      return { start: at, end: at, insert: body + layout.eol };
    }
    return { start: before.start, end: before.start, insert: lines.map((l) => l.text).join('') };
  }
  if (parent.selfClosing) {
    // `<permissions/>` opens up: `<permissions>` + lines + `</permissions>`.
    return { start: parent.start, end: parent.end, insert: `<${parent.name}>${layout.eol}${body}${layout.eol}${parentIndent}</${parent.name}>` };
  }
  if (anchor) {
    const eolAt = text.indexOf('\n', anchor.end);
    const afterAnchor = eolAt < 0 ? text.length : eolAt + 1;
    if (/^[ \t]*\r?\n$/.test(text.slice(anchor.end, afterAnchor)) && afterAnchor <= parent.closeStart) return { start: afterAnchor, end: afterAnchor, insert: body + layout.eol };
    return { start: anchor.end, end: anchor.end, insert: lines.map((l) => l.text).join('') };
  }
  // An empty element: the new lines, then the closing tag on a line of its own.
  const closeLineStart = text.lastIndexOf('\n', parent.closeStart - 1) + 1;
  const closeAlone = closeLineStart > parent.openEnd && /^[ \t]*$/.test(text.slice(closeLineStart, parent.closeStart));
  if (closeAlone) return { start: closeLineStart, end: closeLineStart, insert: body + layout.eol };
  return { start: parent.openEnd, end: parent.closeStart, insert: `${layout.eol}${body}${layout.eol}${parentIndent}` };
}
