import { AuditError, type InputIssue } from '../errors';
import { validateAgainstSchema } from '../input/schema';
import { parseYamlFile } from '../input/yaml-file';
import type { Policy, SourceLoc } from '../model';
import { mergePolicyLayers } from './merge';
import { normalizePolicyLayer, type PolicyLayer } from './normalize';

/**
 * What loading a policy needs from the outside, injected so the core never touches a disk:
 * the adapter (adapters/read-policy.ts) reads files; tests pass a map.
 */
export interface PolicyHost {
  /** The file's text; throws an error with an errno-style `code` (ENOENT, EISDIR, ...) when it cannot. */
  readText(file: string): string;
  /** The path of `ref` as written in `from`'s `extends` (relative to `from`'s folder). */
  resolveRef(from: string, ref: string): string;
  /** A key identifying the file, so cycles and diamonds are recognised (an absolute path). */
  identity(file: string): string;
}

/** Parses and checks one policy file's text (no `extends`). Pure. */
export function parsePolicyLayer(file: string, text: string): { layer?: PolicyLayer; issues: InputIssue[] } {
  const { yaml, issues: syntax } = parseYamlFile(file, text);
  if (!yaml) return { issues: syntax };
  const schemaIssues = validateAgainstSchema('policy', yaml);
  const { layer, issues: semantic } = normalizePolicyLayer(yaml);
  const all = [...syntax, ...schemaIssues, ...semantic].sort((a, b) => a.loc.line - b.loc.line || a.loc.column - b.loc.column);
  return { layer, issues: all };
}

function unreadable(file: string, e: unknown, from: SourceLoc | undefined): InputIssue {
  if (e instanceof AuditError) return { code: e.code, message: e.message, loc: from ?? { file, line: 1, column: 1 } };
  const code = (e as { code?: string }).code;
  const what = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a policy file' : `cannot read (${code ?? 'error'})`;
  return {
    code: from ? 'EXTENDS_NOT_FOUND' : 'FILE_UNREADABLE',
    message: `${file}: ${what}`,
    loc: from ?? { file, line: 1, column: 1 },
    suggestion: from ? 'paths in extends are relative to the file that names them' : undefined,
  };
}

/**
 * Loads a policy and everything it `extends` through `host`, reporting every problem of every
 * file at once. Throws AuditError POLICY_INVALID (with `issues`) when anything is wrong.
 */
export function loadPolicy(file: string, host: PolicyHost): Policy {
  const issues: InputIssue[] = [];
  const layers: PolicyLayer[] = [];
  const done = new Set<string>();

  const visit = (path: string, stack: string[], from?: SourceLoc): void => {
    const id = host.identity(path);
    if (stack.includes(id)) {
      const chain = [...stack, id].map((p) => p.split('/').pop()).join(' -> ');
      issues.push({ code: 'EXTENDS_CYCLE', message: `'${path}' extends itself: ${chain}`, loc: from!, suggestion: 'remove one of the extends entries' });
      return;
    }
    if (done.has(id)) return; // a diamond: the shared base is applied once, first time seen
    let text: string;
    try {
      text = host.readText(path);
    } catch (e) {
      issues.push(unreadable(path, e, from));
      return;
    }
    const parsed = parsePolicyLayer(path, text);
    issues.push(...parsed.issues);
    if (!parsed.layer) return;
    for (const ext of parsed.layer.extends) {
      let target: string;
      try {
        target = host.resolveRef(path, ext.path);
      } catch (e) {
        issues.push(unreadable(ext.path, e, ext.loc)); // e.g. a pack that does not exist
        continue;
      }
      visit(target, [...stack, id], ext.loc);
    }
    done.add(id);
    layers.push(parsed.layer);
  };

  visit(file, []);
  if (issues.length) {
    throw new AuditError('POLICY_INVALID', `${file}: ${issues.length} problem${issues.length === 1 ? '' : 's'} in the policy`, { issues });
  }
  return mergePolicyLayers(layers);
}
