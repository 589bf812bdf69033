/**
 * The pull-request workflow of docs/fix.md, run as GitHub's runner runs a `run:` step (bash -eo
 * pipefail) against the simulator: in a git repository with a local bare remote, the tool on PATH
 * and a stand-in for `gh` that records what it is asked. Checks what the script pushes (a project
 * whose role audits compliant) and the pull request it opens, and that a compliant role leads to
 * neither.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { startSimulator, type Simulator } from '../../src/simulator';
import { cli } from '../helpers/cli-in-process';
import { envFor, expectReadOnly } from '../helpers/live-env';

const ROOT = join(__dirname, '..', '..');
const DOC = readFileSync(join(ROOT, 'docs', 'fix.md'), 'utf8');
const workflow = parse(/<!-- fix-workflow -->\s*````yaml\n([\s\S]*?)\n````\n/.exec(DOC)![1]) as { jobs: Record<string, { steps: Array<{ run?: string; env?: Record<string, string> }> }> };
const step = Object.values(workflow.jobs)[0].steps.find((s) => s.run?.includes('ns-role-audit fix'))!;

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** A checkout of a repository holding one policy (for `scriptId`), with a bare remote, the tool and a fake gh on PATH. */
function repository(scriptId: string) {
  const base = mkdtempSync(join(tmpdir(), 'nsra-wf-'));
  const remote = join(base, 'remote.git');
  const work = join(base, 'work');
  const bin = join(base, 'bin');
  git(base, 'init', '-q', '--bare', remote);
  git(base, 'init', '-q', '-b', 'main', work);
  mkdirSync(join(work, 'policies'));
  writeFileSync(join(work, 'policies', 'polytomic.yaml'), readFileSync(join(ROOT, 'policies', 'polytomic.yaml'), 'utf8').replace('scriptId: customrole_polytomic', `scriptId: ${scriptId}`));
  git(work, 'add', '.');
  git(work, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'policy');
  git(work, 'remote', 'add', 'origin', remote);
  git(work, 'push', '-q', 'origin', 'main');
  mkdirSync(bin);
  writeFileSync(join(bin, 'ns-role-audit'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'bin', 'ns-role-audit.js')}" "$@"\n`);
  // gh: records each call and the body it was given; `pr create` fails when a PR for the branch exists.
  writeFileSync(join(bin, 'gh'), `#!/bin/sh
log="${join(base, 'gh.log')}"
echo "$*" >> "$log"
call="$1 $2"
while [ $# -gt 0 ]; do if [ "$1" = "--body-file" ]; then cp "$2" "${join(base, 'body.md')}"; fi; shift; done
if [ "$call" = "pr create" ] && [ "$(grep -c "^pr create" "$log")" -gt 1 ]; then echo "a pull request for branch ns-role-audit/fix already exists" >&2; exit 1; fi
exit 0
`);
  chmodSync(join(bin, 'ns-role-audit'), 0o755);
  chmodSync(join(bin, 'gh'), 0o755);
  return { base, remote, work, bin };
}

/** Runs the workflow step's script as the runner does, without blocking this process (the simulator lives here). */
function runStep(repo: ReturnType<typeof repository>, sim: Simulator): Promise<{ code: number | null; out: string }> {
  const secrets = envFor(sim, 'auditor');
  const env: Record<string, string> = { PATH: `${repo.bin}:${process.env.PATH}`, HOME: repo.base, NO_COLOR: '1', NETSUITE_BASE_URL: secrets.NETSUITE_BASE_URL };
  for (const [k, v] of Object.entries(step.env ?? {})) {
    env[k] = v.replace(/\$\{\{\s*secrets\.(\w+)\s*\}\}/, (_m, name: string) => secrets[name] ?? '').replace(/\$\{\{\s*github\.token\s*\}\}/, 'fake-token');
  }
  return new Promise((resolve) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], { cwd: repo.work, env });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('close', (code) => resolve({ code, out }));
  });
}

let sim: Simulator;
beforeEach(async () => { sim = await startSimulator({ fixture: join(ROOT, 'fixtures', 'accounts', 'demo.yaml') }); });
afterEach(async () => { expectReadOnly(sim); await sim.stop(); });

test('a drifted role: the fix is pushed to ns-role-audit/fix and a pull request opened; its role audits compliant', async () => {
  const repo = repository('customrole_polytomic_drifted');
  const r = await runStep(repo, sim);
  if (r.code !== 0) throw new Error(r.out);
  expect([r.code, r.out]).toEqual([0, expect.stringContaining('4 changes')]);
  const pushed = git(repo.remote, 'show', 'ns-role-audit/fix:netsuite-fix/src/Objects/customrole_polytomic_drifted.xml');
  const check = join(repo.base, 'check');
  mkdirSync(check);
  writeFileSync(join(check, 'customrole_polytomic_drifted.xml'), pushed);
  const audit = await cli(['audit', '--policy', join(repo.work, 'policies', 'polytomic.yaml'), '--role-file', join(check, 'customrole_polytomic_drifted.xml')], { cwd: check });
  expect(audit.code).toBe(0);
  expect(git(repo.remote, 'show', '--stat', '--format=%s', 'ns-role-audit/fix')).toContain('Fix the NetSuite role out of policies/polytomic.yaml');
  expect(readFileSync(join(repo.base, 'gh.log'), 'utf8')).toBe('pr create --head ns-role-audit/fix --title NetSuite role out of policy: proposed fix --body-file pr.md\n');
  const body = readFileSync(join(repo.base, 'body.md'), 'utf8');
  expect(body).toContain('a deploy cannot remove these');
  expect(body).toContain('- [ ] Permissions > Lists: Remove Perform Search (LIST_FIND) (now Full)');
  expect(body).toContain('# Role remediation checklist');
  for (const s of Object.values(envFor(sim, 'auditor')).filter((v) => v.length > 20)) expect(body + r.out + pushed).not.toContain(s);

  // The next scheduled run starts from main again: the pull request exists, so it is updated.
  git(repo.work, 'switch', '-q', 'main');
  const again = await runStep(repo, sim);
  expect(again.code).toBe(0);
  expect(readFileSync(join(repo.base, 'gh.log'), 'utf8').trim().split('\n').map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual(['pr create', 'pr create', 'pr edit']);
}, 60_000);

test('a compliant role: nothing is pushed and no pull request opened', async () => {
  const repo = repository('customrole_polytomic');
  const r = await runStep(repo, sim);
  expect([r.code, r.out.trim()]).toEqual([0, 'The role complies: nothing to fix.']);
  expect(git(repo.remote, 'branch', '--list')).not.toContain('ns-role-audit/fix');
  expect(existsSync(join(repo.base, 'gh.log'))).toBe(false);
}, 60_000);
