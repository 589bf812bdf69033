import { AuditError, type InputIssue } from '../errors';
import { fileErrorText } from '../file-errors';
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

/** What loading a policy may know besides the files: today (YYYY-MM-DD), for warnings about waivers far ahead. */
export interface PolicyOptions {
  today?: string;
}

const byPlace = (a: InputIssue, b: InputIssue) => (a.loc.file < b.loc.file ? -1 : a.loc.file > b.loc.file ? 1 : a.loc.line - b.loc.line || a.loc.column - b.loc.column);

/** Parses and checks one policy file's text (no `extends`): its errors, and its warnings (valid, but probably a mistake). Pure. */
export function parsePolicyLayer(file: string, text: string, opts: PolicyOptions = {}): { layer?: PolicyLayer; issues: InputIssue[]; warnings: InputIssue[] } {
  const { yaml, issues: syntax } = parseYamlFile(file, text);
  if (!yaml) return { issues: syntax, warnings: [] };
  const schemaIssues = validateAgainstSchema('policy', yaml);
  const { layer, issues: semantic, warnings } = normalizePolicyLayer(yaml, opts);
  const all = [...syntax, ...schemaIssues, ...semantic].sort(byPlace);
  return { layer, issues: all, warnings: warnings.sort(byPlace) };
}

/** What a waiver's findings need from the policy: a rule they could belong to. */
function waiverMatchesNoRule(policy: Policy, w: Policy['waivers'][number]): string | undefined {
  const has = (id: string | undefined) => id !== undefined && policy.rules.some((r) => r.id === id);
  switch (w.code) {
    case 'PERMISSION_MISSING': case 'LEVEL_TOO_LOW': case 'PERMISSION_RESTRICTION_MISMATCH':
      return has(w.permissionId) ? undefined : `the policy does not require ${w.permissionName}, so no ${w.code} can arise for it`;
    case 'FLAG_MISMATCH':
      return policy.flags.some((f) => f.flag === w.flag) ? undefined : `the policy sets no ${w.flag} flag, so no FLAG_MISMATCH can arise for it`;
    case 'SETTING_MISMATCH': case 'RECORD_RESTRICTION_MISMATCH': {
      const pinned = [...policy.settings.map((s) => s.key as string), ...policy.recordRestrictions.map((r) => `recordRestrictions.${r.segment}`)];
      return pinned.includes(w.setting!) ? undefined : `the policy does not pin ${w.setting}, so no ${w.code} can arise for it`;
    }
    case 'SOD_CONFLICT':
      return policy.conflicts.some((c) => c.name === w.conflict) ? undefined : `no conflict rule is named '${w.conflict}'`;
    default:
      return undefined;
  }
}

function unreadable(file: string, e: unknown, from: SourceLoc | undefined): InputIssue {
  if (e instanceof AuditError) return { code: e.code, message: e.message, loc: from ?? { file, line: 1, column: 1 } };
  const what = fileErrorText(e);
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
export function loadPolicy(file: string, host: PolicyHost, opts: PolicyOptions = {}): Policy {
  const issues: InputIssue[] = [];
  const warnings: InputIssue[] = [];
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
      // The policy named on the command line: a file that is not there is just that, not "a problem in the policy".
      if (!from) {
        if (e instanceof AuditError) throw e;
        throw new AuditError('POLICY_NOT_FOUND', `${path}: ${fileErrorText(e)} (looked for ${id})`, { details: { hint: 'give the path to a policy file, or a shipped policy as pack:<name> (pack:polytomic; ns-role-audit packs lists them)' } });
      }
      issues.push(unreadable(path, e, from));
      return;
    }
    const parsed = parsePolicyLayer(path, text, opts);
    issues.push(...parsed.issues);
    warnings.push(...parsed.warnings);
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
  const policy = mergePolicyLayers(layers);
  for (const w of policy.waivers) {
    const why = waiverMatchesNoRule(policy, w);
    if (why) warnings.push({ code: 'WAIVER_MATCHES_NO_RULE', message: `this ${w.code} waiver can never apply: ${why}`, loc: w.loc, suggestion: 'remove the waiver, or name the permission, flag, setting or conflict the policy checks', severity: 'warning' });
  }
  return { ...policy, warnings: warnings.sort(byPlace) };
}
