import { LineCounter, parseDocument, isMap, isSeq, isPair, isScalar, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
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
  // Duplicate keys are found below with one Set per mapping: the library's own check compares
  // every key with every other (quadratic in a mapping's size).
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true });
  const at = (offset: number): SourceLoc => {
    const p = lineCounter.linePos(offset);
    return { file, line: p.line, column: p.col };
  };
  // A tab used as indentation derails the parser for the lines after it: those errors are its
  // echoes, so the tab lines alone are reported (one error per real mistake).
  const tabErrors = doc.errors.filter((e) => e.code === 'TAB_AS_INDENT');
  const issues: InputIssue[] = (tabErrors.length ? tabErrors : doc.errors).map((e) => ({
    code: e.code === 'DUPLICATE_KEY' ? 'DUPLICATE_KEY' : 'YAML_SYNTAX',
    message: e.code === 'DUPLICATE_KEY' ? 'this key appears twice in the same mapping' : firstLine(e.message),
    loc: at(e.pos[0]),
    suggestion: e.code === 'DUPLICATE_KEY' ? 'merge the two entries into one' : e.code === 'TAB_AS_INDENT' ? 'indent with spaces (YAML does not allow tabs there)' : undefined,
  }));
  if (issues.length) return { issues };
  for (const offset of duplicateKeys(doc.contents)) {
    issues.push({ code: 'DUPLICATE_KEY', message: 'this key appears twice in the same mapping', loc: at(offset), suggestion: 'merge the two entries into one' });
  }
  // Duplicate keys still leave a usable tree: go on, so the file's other problems show too.
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
  // Each mapping's keys indexed once: locating every entry of a large policy stays linear.
  const indexes = new WeakMap<object, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, key: string): Pair | undefined => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const it of map.items) {
        const k = isPair(it) ? scalarKey(it.key) : undefined;
        if (k !== undefined && !index.has(k)) index.set(k, it as Pair);
      }
      indexes.set(map, index);
    }
    return index.get(key);
  };
  const locate = (path: ReadonlyArray<string | number>, opts: { key?: boolean } = {}): SourceLoc => {
    let node: unknown = doc.contents;
    let keyNode: Node | undefined;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = pairOf(node, String(seg));
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

/** Where each repeated key of every mapping stands (the second and later ones), in one pass. */
function duplicateKeys(root: unknown): number[] {
  const out: number[] = [];
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const it of node.items) {
        const k = scalarKey(it.key);
        if (k !== undefined) {
          if (seen.has(k)) out.push((it.key as Node).range?.[0] ?? 0);
          seen.add(k);
        }
        stack.push(it.value);
      }
    } else if (isSeq(node)) for (const item of node.items) stack.push(item);
  }
  return out.sort((a, b) => a - b);
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
