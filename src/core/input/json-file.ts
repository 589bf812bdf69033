import { printParseErrorCode, visit } from 'jsonc-parser';
import type { InputIssue } from '../errors';
import type { SourceLoc } from '../model';

/** jsonc-parser's error codes in words people read. */
const WORDS: Record<string, string> = {
  InvalidSymbol: 'an unexpected character', InvalidNumberFormat: 'a number written wrong', PropertyNameExpected: 'a property name (in double quotes) expected',
  ValueExpected: 'a value expected', ColonExpected: "a ':' expected", CommaExpected: "a ',' expected", CloseBraceExpected: "a '}' expected",
  CloseBracketExpected: "a ']' expected", EndOfFileExpected: 'text after the end of the document', InvalidCommentToken: 'a comment (JSON has none)',
  UnexpectedEndOfComment: 'an unfinished comment', UnexpectedEndOfString: 'an unfinished string', UnexpectedEndOfNumber: 'an unfinished number',
  InvalidUnicode: 'a \\u escape written wrong', InvalidEscapeCharacter: 'an escape JSON does not have', InvalidCharacter: 'a control character inside a string',
};

/**
 * Parses a JSON file strictly: a syntax error or a key repeated in one object is an issue at its
 * line and column, never a value quietly chosen (JSON.parse keeps the last of two equal keys, so a
 * hand-edited `"accepted": "VIEW", "accepted": "FULL"` would read as FULL). jsonc-parser finds the
 * places (no comments, no trailing commas: plain JSON); the value is JSON.parse's. Pure.
 */
export function parseJsonFile(file: string, text: string): { value?: unknown; issues: InputIssue[] } {
  const starts = lineStarts(text);
  const at = (offset: number): SourceLoc => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return { file, line: lo + 1, column: offset - starts[lo] + 1 };
  };
  const issues: InputIssue[] = [];
  const objects: Array<Set<string>> = [];
  visit(text, {
    onObjectBegin: () => { objects.push(new Set()); },
    onObjectEnd: () => { objects.pop(); },
    onObjectProperty: (name, offset) => {
      const keys = objects[objects.length - 1];
      if (keys.has(name)) issues.push({ code: 'DUPLICATE_KEY', message: `"${name}" appears twice in the same object`, loc: at(offset), suggestion: 'keep one of the two entries' });
      keys.add(name);
    },
    onError: (error, offset) => {
      // One syntax error derails the rest: the first is the one to fix.
      if (issues.some((i) => i.code === 'JSON_SYNTAX')) return;
      const code = printParseErrorCode(error);
      issues.push({ code: 'JSON_SYNTAX', message: `not valid JSON here: ${WORDS[code] ?? code}`, loc: at(offset) });
    },
  }, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (issues.length) return { issues: issues.slice(0, 20) };
  return { value: JSON.parse(text) as unknown, issues };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
