/**
 * The composite action (action.yml), run locally as GitHub's runner would: each step's `run` in
 * bash with its `env` expanded from the inputs, GITHUB_ACTION_PATH, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY set, in a workspace holding a user's policy and role file. Checks the step
 * outputs, the job summary, the annotations, the SARIF and HTML files and the exit code; and that
 * the README's example workflow uses only inputs the action declares.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../helpers/run-cli';

interface Step { name: string; id?: string; shell: string; run: string; env?: Record<string, string> }
interface Action { inputs: Record<string, { default?: string; required?: boolean }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: Step[] } }

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;

/** `${{ inputs.x }}` as the runner expands it in `env` values (the only place the action uses it). */
const expand = (value: string, inputs: Record<string, string>) =>
  value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_m, name: string) => inputs[name] ?? action.inputs[name]?.default ?? '');

function runAction(given: Record<string, string>) {
  const workspace = mkdtempSync(join(tmpdir(), 'nsra-action-'));
  mkdirSync(join(workspace, 'policies'));
  mkdirSync(join(workspace, 'roles'));
  copyFileSync(join(ROOT, 'policies', 'polytomic.yaml'), join(workspace, 'policies', 'polytomic.yaml'));
  for (const f of ['customrole_polytomic.xml', 'customrole_polytomic_drifted.xml']) copyFileSync(join(ROOT, 'fixtures', 'sdf-project', 'src', 'Objects', f), join(workspace, 'roles', f));
  const output = join(workspace, '.github-output');
  const summary = join(workspace, '.github-summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const github = { GITHUB_ACTIONS: 'true', GITHUB_ACTION_PATH: ROOT, GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary };
  const steps = action.runs.steps.map((step) => {
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...github };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(v, given);
    const r = spawnSync(step.shell, ['-e', '-c', step.run], { cwd: workspace, env, encoding: 'utf8', timeout: 300_000 });
    return { name: step.name, code: r.status, stdout: r.stdout, stderr: r.stderr };
  });
  return { workspace, steps, outputs: parseGithubOutput(readFileSync(output, 'utf8')), summary: readFileSync(summary, 'utf8') };
}

/**
 * $GITHUB_OUTPUT read as the runner reads it: `name=value` lines, and `name<<DELIMITER` blocks
 * whose value is every line up to the delimiter's own line. A name set twice keeps the last value,
 * so a forged line would win: the tests below check there is none.
 */
function parseGithubOutput(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const eq = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (eq >= 0 && (heredoc < 0 || eq < heredoc)) { out[line.slice(0, eq)] = line.slice(eq + 1); continue; }
    const [name, delimiter] = [line.slice(0, heredoc), line.slice(heredoc + 2)];
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]);
    if (i >= lines.length) throw new Error(`$GITHUB_OUTPUT: ${name} has no closing delimiter`);
    out[name] = value.join('\n');
  }
  return out;
}

describe('the GitHub action, run locally', () => {
  test.each([
    ['sarif', 'results.sarif\nstatus=passed'],
    ['policy', 'policies/polytomic.yaml\nexit-code=0'],
    ['role', 'customrole_polytomic\r::error::forged'],
  ])('an input with a line break (%s) is refused, and no line of it reaches $GITHUB_OUTPUT', (input, value) => {
    const r = runAction({ policy: 'policies/polytomic.yaml', 'role-file': 'roles/customrole_polytomic_drifted.xml', [input]: value });
    expect(r.steps.find((x) => x.name === 'Audit NetSuite roles')!.code).toBe(2);
    expect(r.outputs).toEqual({ 'exit-code': '2', status: 'error' });
    expect(r.steps.map((x) => x.stderr).join('')).toContain(`the '${input}' input holds a line break`);
  });

  test('declares the inputs and outputs the README documents, as a composite action', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(['policy', 'role-file', 'role', 'config', 'source', 'fail-on', 'formats', 'sarif']);
    expect(Object.keys(action.outputs)).toEqual(['exit-code', 'status', 'sarif']);
    // Inputs never appear inside a script (GitHub's guidance against script injection).
    for (const step of action.runs.steps) expect(step.run).not.toMatch(/\$\{\{/);
  });

  test('a drifted role: annotations on the role file, a job summary, SARIF and HTML, outputs, exit 1', () => {
    const r = runAction({ policy: 'policies/polytomic.yaml', 'role-file': 'roles/customrole_polytomic_drifted.xml', role: 'customrole_polytomic_drifted' });
    const [install, audit] = r.steps;
    expect(install.code).toBe(0);
    expect(audit.code).toBe(1);
    expect(r.outputs).toEqual({ 'exit-code': '1', status: 'failed', sarif: 'ns-role-audit/results.sarif' });
    expect(audit.stdout).toContain('::error file=roles/customrole_polytomic_drifted.xml,line=59,col=1,title=LEVEL_TOO_LOW%3A Level too low::');
    expect(r.summary).toMatch(/^# Role remediation checklist/);
    expect(r.summary).toContain('- [ ] Raise **Sales Order** (TRAN_SALESORD) from Edit to **Full**');
    const sarif = JSON.parse(readFileSync(join(r.workspace, 'ns-role-audit', 'results.sarif'), 'utf8'));
    expect(sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'LEVEL_TOO_LOW').locations[0].physicalLocation.artifactLocation.uri).toBe('roles/customrole_polytomic_drifted.xml');
    expect(readFileSync(join(r.workspace, 'ns-role-audit', 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  }, 300_000);

  test('the compliant role passes: exit 0, status passed; fail-on and formats are honoured', () => {
    const r = runAction({ policy: 'policies/polytomic.yaml', 'role-file': 'roles/customrole_polytomic.xml', 'fail-on': 'warning', formats: 'csv=out/roles.csv markdown=out/checklist.md', sarif: '' });
    expect(r.steps[1].code).toBe(0);
    expect(r.outputs).toEqual({ 'exit-code': '0', status: 'passed', sarif: '' });
    expect(existsSync(join(r.workspace, 'out', 'roles.csv'))).toBe(true);
    expect(existsSync(join(r.workspace, 'out', 'checklist.md'))).toBe(true);
    expect(existsSync(join(r.workspace, 'ns-role-audit', 'results.sarif'))).toBe(false);
    expect(r.summary).toContain('No changes needed.');
  }, 300_000);

  test('a fresh checkout of the action installs only what the tool runs, builds it and audits', () => {
    const copy = mkdtempSync(join(tmpdir(), 'nsra-action-copy-'));
    // The action as GitHub checks it out: the repository's files, nothing built, no node_modules.
    const files = spawnSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\n').filter((f) => f && !f.startsWith('test/'));
    for (const f of files) {
      if (!existsSync(join(ROOT, f))) continue;
      mkdirSync(dirname(join(copy, f)), { recursive: true });
      copyFileSync(join(ROOT, f), join(copy, f));
    }
    const install = action.runs.steps[0];
    // The machine's own environment (its CA bundle and npm settings), as a runner's step has.
    const r = spawnSync(install.shell, ['-e', '-c', install.run], { cwd: copy, env: { ...process.env, GITHUB_ACTION_PATH: copy }, encoding: 'utf8', timeout: 300_000 });
    expect([r.status, r.stderr]).toEqual([0, expect.anything()]);
    expect(r.stdout).toMatch(/ns-role-audit built in \d+ s with \d+ runtime packages \(no dev dependencies\)/);
    console.log(r.stdout.trim().split('\n').pop());
    // No dev dependency was installed: no test runner, no compiler in the action's node_modules.
    for (const dev of ['jest', 'typescript', 'playwright-core', 'knip']) expect([dev, existsSync(join(copy, 'node_modules', dev))]).toEqual([dev, false]);
    const audit = spawnSync(process.execPath, [join(copy, 'bin', 'ns-role-audit.js'), 'audit', '--policy', 'pack:polytomic', '--role-file', join(ROOT, 'fixtures', 'sdf-project', 'src', 'Objects', 'customrole_polytomic.xml')], { encoding: 'utf8' });
    expect(audit.status).toBe(0);
  }, 300_000);

  test('bad input: exit 2, status error, the error named', () => {
    const r = runAction({ policy: 'policies/missing.yaml', 'role-file': 'roles/customrole_polytomic.xml' });
    expect(r.steps[1].code).toBe(2);
    expect(r.outputs.status).toBe('error');
    expect(r.steps[1].stderr).toMatch(/missing\.yaml/);
  }, 300_000);

  test('the docs/ci.md workflow uses this action with declared inputs, runs on a schedule and on policy changes, uploads SARIF and the HTML report', () => {
    const readme = readFileSync(join(ROOT, 'docs', 'ci.md'), 'utf8');
    const block = /<!-- workflow -->\s*```yaml\n([\s\S]*?)```/.exec(readme);
    expect(block).not.toBeNull();
    const wf = parse(block![1]) as { on: Record<string, unknown>; jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, unknown>; if?: string }> }> };
    expect(Object.keys(wf.on)).toEqual(expect.arrayContaining(['schedule', 'push', 'workflow_dispatch']));
    expect(JSON.stringify(wf.on.push)).toContain('policies/');
    const steps = Object.values(wf.jobs)[0].steps;
    const audit = steps.find((s) => s.uses?.includes('ns-role-audit'))!;
    for (const key of Object.keys(audit.with ?? {})) expect(Object.keys(action.inputs)).toContain(key);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    expect(upload.if).toBe('always()');
    const artifact = steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))!;
    expect(artifact.if).toBe('always()');
    expect(JSON.stringify(artifact.with)).toContain('report.html');
  });
});
