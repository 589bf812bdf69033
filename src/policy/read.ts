import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AuditError, type InputIssue } from '../errors';
import type { SourceLoc } from '../location';
import { mergePolicyLayers } from './merge';
import { normalizePolicyLayer, type PolicyLayer } from './normalize';
import { validateAgainstSchema } from '../input/schema';
import type { Policy } from './types';
import { parseYamlFile } from '../input/yaml-file';

/** Reads a file's text; injected so the core can be driven without a disk. */
export type ReadText = (file: string) => string;

const readUtf8: ReadText = (f) => readFileSync(f, 'utf8');

/** Parses and checks one policy file's text (no `extends`). Pure. */
export function parsePolicyLayer(file: string, text: string): { layer?: PolicyLayer; issues: InputIssue[] } {
  const { yaml, issues: syntax } = parseYamlFile(file, text);
  if (!yaml) return { issues: syntax };
  const schemaIssues = validateAgainstSchema('policy', yaml);
  const { layer, issues: semantic } = normalizePolicyLayer(yaml);
  const all = [...syntax, ...schemaIssues, ...semantic].sort((a, b) => a.loc.line - b.loc.line || a.loc.column - b.loc.column);
  return { layer, issues: all };
}

/**
 * Reads a policy and everything it `extends`, reporting every problem of every file at once.
 * Throws AuditError POLICY_INVALID (with `issues`) when anything is wrong.
 */
export function readPolicy(file: string, readText: ReadText = readUtf8): Policy {
  const issues: InputIssue[] = [];
  const layers: PolicyLayer[] = [];
  const done = new Set<string>();

  const visit = (path: string, stack: string[], from?: SourceLoc): void => {
    const abs = resolve(path);
    if (stack.includes(abs)) {
      issues.push({ code: 'EXTENDS_CYCLE', message: `'${path}' extends itself: ${[...stack, abs].map((p) => p.split('/').pop()).join(' -> ')}`, loc: from!, suggestion: 'remove one of the extends entries' });
      return;
    }
    if (done.has(abs)) return; // a diamond: the shared base is applied once, first time seen
    let text: string;
    try {
      text = readText(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const what = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a policy file' : `cannot read (${code ?? 'error'})`;
      issues.push({ code: from ? 'EXTENDS_NOT_FOUND' : 'FILE_UNREADABLE', message: `${path}: ${what}`, loc: from ?? { file: path, line: 1, column: 1 }, suggestion: from ? 'paths in extends are relative to the file that names them' : undefined });
      return;
    }
    const parsed = parsePolicyLayer(path, text);
    issues.push(...parsed.issues);
    if (!parsed.layer) return;
    for (const ext of parsed.layer.extends) visit(join(dirname(path), ext.path), [...stack, abs], ext.loc);
    done.add(abs);
    layers.push(parsed.layer);
  };

  visit(file, []);
  if (issues.length) {
    throw new AuditError('POLICY_INVALID', `${file}: ${issues.length} problem${issues.length === 1 ? '' : 's'} in the policy`, { issues });
  }
  return mergePolicyLayers(layers);
}
