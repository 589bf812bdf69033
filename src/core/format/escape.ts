/**
 * Text from outside (NetSuite, policies, file names) made inert for each kind of output: no
 * terminal escape, no Markdown link or HTML, no control character reaches a reader.
 */

/** C0 and C1 control characters, DEL and the escape character. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

const WORD = /[A-Za-z0-9]/;

/** For a terminal: every control character (ESC included) shown as U+FFFD; tabs as spaces. */
export function terminalText(s: string): string {
  return s.replace(CONTROLS, (c) => (c === '\t' ? ' ' : '\uFFFD'));
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
