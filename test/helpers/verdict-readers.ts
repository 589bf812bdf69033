import { XMLParser } from 'fast-xml-parser';
import type { FormatName } from '../../src/core/format';
import type { RunVerdict } from '../../src/core/model';

// How each format states a run's verdict, read as its consumer reads it (the words a person reads,
// the field a tool reads), apart from the code that wrote it. Shared by the verdict property test
// and the fleet test.

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => n === 'testsuite' || n === 'testcase' });

/** RFC 4180 rows (quoted fields, doubled quotes, CRLF), read apart from the formatter. */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += c;
  }
  return rows;
}

/**
 * What each format says the run's verdict is, read as its consumer reads it (the words a person
 * reads, the field a tool reads). Typed by format name: a new format cannot come without one.
 */
export const VERDICT_OF: Record<FormatName, (out: string) => RunVerdict> = {
  table: (out) => words(out.trimEnd().split('\n').pop()!),
  json: (out) => JSON.parse(out).summary.verdict,
  junit: (out) => {
    const doc = xml.parse(out).testsuites;
    return Number(doc.errors) > 0 ? 'incomplete' : Number(doc.failures) > 0 ? 'failed' : 'passed';
  },
  markdown: (out) => words(/The run \*\*([^*]+)\*\*/.exec(out)![0]),
  sarif: (out) => {
    const inv = JSON.parse(out).runs[0].invocations[0];
    expect(inv.executionSuccessful).toBe(inv.properties.verdict !== 'incomplete');
    return inv.properties.verdict;
  },
  github: (out) => words(out.trimEnd().split('\n').pop()!),
  csv: (out) => {
    const [head, ...rows] = csvRows(out);
    const col = (name: string) => head.indexOf(name);
    if (rows.some((r) => r[col('kind')] === 'error')) return 'incomplete';
    return rows.some((r) => r[col('fails_run')] === 'true') ? 'failed' : 'passed';
  },
  html: (out) => words(/<span class="badge [^"]*" id="verdict"[^>]*>([^<]*)<\/span>/.exec(out)![1]),
};

/** The verdict a sentence states, from its words alone. */
function words(text: string): RunVerdict {
  const line = text.replace(/\*/g, '');
  const said = [/the run passes/i.test(line) && 'passed', /the run fails/i.test(line) && 'failed', /the run could not be completed/i.test(line) && 'incomplete'].filter(Boolean);
  expect({ line, said: said.length }).toEqual({ line, said: 1 });
  return said[0] as RunVerdict;
}

