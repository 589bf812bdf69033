/**
 * Text from outside (NetSuite, policies, file names) made inert for each kind of output: no
 * terminal escape, no Markdown link or HTML, no control character reaches a reader.
 */

/**
 * C0 and C1 control characters (ESC and NUL among them), DEL, and the bidirectional formatting
 * characters that reorder what a reader sees (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F,
 * U+061C: the "Trojan Source" characters).
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

const WORD = /[A-Za-z0-9]/;

/** For a terminal: every control and bidirectional formatting character shown as U+FFFD; tabs as spaces. */
export function terminalText(s: string): string {
  return s.replace(CONTROLS, (c) => (c === '\t' ? ' ' : '\uFFFD'));
}

/** terminalText for text of several lines: the line breaks stay, everything else is made inert. */
export function terminalLines(s: string): string {
  return s.split('\n').map(terminalText).join('\n');
}

/** For Markdown text: inert control characters, HTML entities for `&` and `<`, and the characters that open emphasis, links, code or tables escaped. */
export function markdownText(s: string): string {
  return terminalText(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*[\]|!]/g, '\\$&')
    // An underscore between letters or digits cannot open emphasis (CommonMark): IDs stay readable.
    .replace(/_/g, (u, i: number, str: string) => (WORD.test(str[i - 1] ?? '') && WORD.test(str[i + 1] ?? '') ? u : '\\_'));
}

/** For a Markdown code span: a fence longer than any run of backticks inside. */
export function markdownCode(s: string): string {
  const text = terminalText(s);
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
