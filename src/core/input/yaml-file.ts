import { LineCounter, parseDocument, isMap, isSeq, isPair, isScalar, type Document, type Node } from 'yaml';
import type { InputIssue } from '../errors';
import type { SourceLoc } from '../model';

/** A parsed YAML file that can answer "where is this path?". */
export interface YamlFile {
  file: string;
  doc: Document.Parsed;
  value: unknown;
  /** Location of the node at `path`; with `key`, of its key in the parent map. */
  locate(path: ReadonlyArray<string | number>, opts?: { key?: boolean }): SourceLoc;
}

/** Expanding more aliases than this is refused: a "billion laughs" file cannot blow up memory. */
const MAX_ALIAS_COUNT = 100;

/** Parses YAML text keeping positions; syntax errors, duplicate keys and alias bombs become issues. */
export function parseYamlFile(file: string, text: string): { yaml?: YamlFile; issues: InputIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const at = (offset: number): SourceLoc => {
    const p = lineCounter.linePos(offset);
    return { file, line: p.line, column: p.col };
  };
  const issues: InputIssue[] = doc.errors.map((e) => ({
    code: e.code === 'DUPLICATE_KEY' ? 'DUPLICATE_KEY' : 'YAML_SYNTAX',
    message: e.code === 'DUPLICATE_KEY' ? 'this key appears twice in the same mapping' : firstLine(e.message),
    loc: at(e.pos[0]),
    suggestion: e.code === 'DUPLICATE_KEY' ? 'merge the two entries into one' : undefined,
  }));
  // Duplicate keys still leave a usable tree: go on, so the file's other problems show too.
  if (issues.some((i) => i.code !== 'DUPLICATE_KEY')) return { issues };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    return {
      issues: [{
        code: 'YAML_ALIAS_LIMIT',
        message: `aliases expand too far (more than ${MAX_ALIAS_COUNT}): ${firstLine((e as Error).message)}`,
        loc: at(0),
        suggestion: 'write the values out instead of nesting anchors and aliases',
      }],
    };
  }
  const locate = (path: ReadonlyArray<string | number>, opts: { key?: boolean } = {}): SourceLoc => {
    let node: unknown = doc.contents;
    let keyNode: Node | undefined;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((it) => isPair(it) && scalarKey(it.key) === String(seg));
        if (!pair) break;
        keyNode = pair.key as Node;
        node = pair.value ?? pair.key;
      } else if (isSeq(node)) {
        const item = node.items[Number(seg)];
        if (item === undefined) break;
        keyNode = item as Node;
        node = item;
      } else break;
    }
    const target = (opts.key ? keyNode : node) as Node | undefined;
    return at(target?.range?.[0] ?? 0);
  };
  return { yaml: { file, doc, value, locate }, issues };
}

function scalarKey(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** Renders a path as people read it: `permissions.transactions["Cash Sale"]`, `waivers[0].code`. */
export function formatPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number' || /^\d+$/.test(seg)) out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out || '(document)';
}
