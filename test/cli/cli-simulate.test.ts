import { spawn } from 'node:child_process';
import { BIN, ROOT, runCli } from '../helpers/run-cli';

/** Starts `simulate`, resolves with its first stdout lines once the exports are printed. */
function startSimulateProcess(args: string[]) {
  const child = spawn(process.execPath, [BIN, 'simulate', ...args], { cwd: ROOT });
  let out = '';
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      if (/NETSUITE_BASE_URL=/.test(out) || (/listening on/.test(out) && !args.includes('--print-env'))) resolve(out);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}`)));
  });
  return { child, ready };
}

test('simulate --print-env prints the listening line and ready-to-eval exports, serves, and stops on SIGTERM', async () => {
  const { child, ready } = startSimulateProcess(['--print-env', 'auditor']);
  const out = await ready;
  const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1];
  const env = Object.fromEntries([...out.matchAll(/^export (\w+)='([^']*)'$/gm)].map((m) => [m[1], m[2]]));
  expect(Object.keys(env).sort()).toEqual(['NETSUITE_ACCOUNT_ID', 'NETSUITE_BASE_URL', 'NETSUITE_CONSUMER_KEY', 'NETSUITE_CONSUMER_SECRET', 'NETSUITE_TOKEN_ID', 'NETSUITE_TOKEN_SECRET']);
  expect(env.NETSUITE_BASE_URL).toBe(url);
  expect(env.NETSUITE_ACCOUNT_ID).toBe('1234567_SB1');
  const wsdl = await fetch(`${url}/wsdl/v2024_2_0/netsuite.wsdl`);
  expect(wsdl.status).toBe(200);
  const exited = new Promise<number | null>((r) => child.on('exit', r));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
});

test('simulate with an unknown token exits 2 listing the fixture\'s tokens', () => {
  const r = runCli(['simulate', '--print-env', 'nobody']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('tokens in');
  expect(r.stderr).toContain('polytomic, polytomic-drifted, auditor, admin');
});

test('simulate --tls serves HTTPS with a fresh self-signed certificate', async () => {
  const { child, ready } = startSimulateProcess(['--tls']);
  const out = await ready;
  expect(out).toMatch(/listening on https:\/\/127\.0\.0\.1:\d+/);
  const exited = new Promise((r) => child.on('exit', r));
  child.kill('SIGTERM');
  await exited;
});
