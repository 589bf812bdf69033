import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { FORMAT_NAMES } from '../../src/core/format';
import { cli, folderWith, type CliRun } from '../helpers/cli-in-process';

// 11. Every output stays inert: whatever outside text (a role name, a permission key, a policy's
// keys, NetSuite's error messages) holds, no command's terminal output carries a control,
// NUL or bidirectional character, a terminal escape, or a line a CI runner would run as a
// command. A CI runner reads lines split at CR, LF and CR LF, runs `::cmd` at a line start (after
// white space) and the legacy `##[cmd]` anywhere (actions/runner, ActionCommand.cs).

const HOSTILE = ['::error::forged', '  ::set-output name=status::passed', 'x ##[add-mask]Failed', '##vso[task.setvariable variable=ok]1', 'a\u0000b', 'evil\u202etxt.exe', '\u001b]8;;http://evil\u0007link\u001b]8;;\u0007', 'line\r::warning::forged after CR'];
const ROLE_NAME = HOSTILE.join(' | ');

/** Lines as a CI runner splits them. */
const runnerLines = (text: string) => text.split(/\r\n|\r|\n/);

/** What no output may hold, for a stream that is not the github format's own commands. */
function expectInert(where: string, text: string, opts: { commands?: boolean } = {}) {
  // eslint-disable-next-line no-control-regex
  expect({ where, controls: text.replace(/[\t\n\r]/g, '').match(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g) }).toEqual({ where, controls: null });
  expect({ where, legacy: /##(vso)?\[/i.test(text) }).toEqual({ where, legacy: false });
  const commands = runnerLines(text).filter((l) => /^\s*::/.test(l));
  if (!opts.commands) expect({ where, commands }).toEqual({ where, commands: [] });
  // The github format's own lines: a known command, its data after the second `::`.
  else for (const l of commands) expect({ where, line: /^::(error|warning|notice)( [^:]*)?::/.test(l) }).toEqual({ where, line: true });
}

/** A snapshot can carry what XML cannot (YAML's "\\e" is ESC, "\\0" NUL): the role name holds every hostile string. */
const yamlString = (v: string) => JSON.stringify(v).replace(/\\u001b/g, '\\e').replace(/\\u0000/g, '\\0');
const SNAPSHOT = (name: string, level = 'VIEW') => `kind: ns-role-audit/role-snapshot\nversion: 1\nroles:\n  - scriptId: customrole_x\n    name: ${yamlString(name)}\n    flags: {webServicesOnly: true, inactive: false}\n    settings: {centerType: ${yamlString('\u001b[31mRED ::error::c')}}\n    permissions:\n      - {permkey: TRAN_CUSTRFND, level: FULL}\n      - {permkey: LIST_CUSTJOB, level: ${level}}\n`;
const POLICY = 'version: 1\nrole: {scriptId: customrole_x}\nflags: {webServicesOnly: true}\nsettings: {centerType: ACCOUNTCENTER}\nexcess: fail\npermissions:\n  lists:\n    Customers: Full\n';

describe('audit: every format on standard output', () => {
  const dir = folderWith({ 'p.yaml': POLICY, 'r.yaml': SNAPSHOT(ROLE_NAME) });
  test.each(FORMAT_NAMES)('%s', async (format) => {
    const r = await cli(['audit', '--policy', join(dir, 'p.yaml'), '--role-file', join(dir, 'r.yaml'), '--format', format], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout.length).toBeGreaterThan(100);
    expectInert(`${format} stdout`, r.stdout, { commands: format === 'github' });
    expectInert(`${format} stderr`, r.stderr);
  });

  test('the role name is shown, not run: its `::` at a line start is broken, its text kept', async () => {
    const r = await cli(['audit', '--policy', join(dir, 'p.yaml'), '--role-file', join(dir, 'r.yaml')], { cwd: dir });
    expect(r.stdout).toContain('\uFF1A:error::forged');
    expect(r.stdout).toContain('x #\uFF03[add-mask]Failed');
  });
});

describe('a hostile permission key', () => {
  // Keys of no known form are refused where they enter (a role file or a snapshot): the refusal,
  // which quotes the key, is what stays inert.
  test('in a snapshot is refused, and the refusal names it inertly', async () => {
    const dir = folderWith({ 'p.yaml': POLICY, 'r.yaml': SNAPSHOT(ROLE_NAME).replace('permkey: TRAN_CUSTRFND', `permkey: ${yamlString('::error::key\u202e\u0000')}`) });
    for (const format of FORMAT_NAMES) {
      const r = await cli(['audit', '--policy', join(dir, 'p.yaml'), '--role-file', join(dir, 'r.yaml'), '--format', format], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('is not a permission key');
      expectInert(`${format} refusal`, r.stdout + r.stderr);
    }
  });
});

describe('the other commands', () => {
  test('validate echoes no NUL, bidirectional override or command from a policy\'s keys (table and json)', async () => {
    const dir = folderWith({ 'p.yaml': 'version: 1\npermissions:\n  lists:\n    "evil\\u202etxt\\u0000::error::x": View\n    "::warning::y": View\n' });
    for (const format of ['table', 'json']) {
      const r = await cli(['validate', '--format', format, join(dir, 'p.yaml')], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toContain('UNKNOWN_PERMISSION');
      expectInert(`validate ${format}`, r.stdout + r.stderr);
    }
  });

  test('compare (table) and pull-style errors stay inert', async () => {
    const dir = folderWith({ 'a.yaml': SNAPSHOT(ROLE_NAME), 'b.yaml': SNAPSHOT(ROLE_NAME, 'FULL') });
    const r = await cli(['compare', '--role-file', join(dir, 'a.yaml'), '--with-file', join(dir, 'b.yaml')], { cwd: dir });
    expect(r.code).toBe(1);
    expectInert('compare', r.stdout + r.stderr);
  });

  describe('doctor, with NetSuite answering hostile messages', () => {
    let server: Server;
    let url = '';
    beforeAll(async () => {
      server = createServer((req, res) => {
        req.resume();
        req.on('end', () => {
          if (req.url?.includes('/services/rest/')) {
            res.writeHead(401, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ type: 'x', title: 'Unauthorized', status: 401, 'o:errorDetails': [{ detail: `\u001b[2J\u001b]0;pwned\u0007 ${HOSTILE.join('\n')}`, 'o:errorCode': 'INVALID_LOGIN' }] }));
            return;
          }
          res.writeHead(500, { 'content-type': 'text/xml' });
          res.end(`<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault><faultcode>soapenv:Server.userException</faultcode><faultstring>::error::from NetSuite&#10;##[add-mask]x &#x202e;</faultstring><detail><invalidCredentialsFault xmlns="urn:faults_2024_2.platform.webservices.netsuite.com"><code>INVALID_LOGIN_ATTEMPT</code><message>::error::from NetSuite&#13;::warning::cr &#x2066;</message></invalidCredentialsFault></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>`);
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));
    const env = () => ({ NETSUITE_ACCOUNT_ID: '1234567', NETSUITE_BASE_URL: url, NETSUITE_CONSUMER_KEY: 'k'.repeat(64), NETSUITE_CONSUMER_SECRET: 's'.repeat(64), NETSUITE_TOKEN_ID: 't'.repeat(64), NETSUITE_TOKEN_SECRET: 'u'.repeat(64) });

    test.each(['table', 'json'])('doctor --format %s', async (format) => {
      const dir = folderWith({});
      const r: CliRun = await cli(['doctor', '--format', format], { cwd: dir, env: env() });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('from NetSuite');
      expectInert(`doctor ${format}`, r.stdout + r.stderr);
    });

    test('audit over the same server: the error is named, and inert', async () => {
      const dir = folderWith({ 'p.yaml': POLICY });
      const r = await cli(['audit', '--policy', join(dir, 'p.yaml'), '--source', 'soap'], { cwd: dir, env: env() });
      expect(r.code).toBe(2);
      expectInert('audit error', r.stdout + r.stderr);
    });
  });
});

test('`-` names standard output where a command writes, and is refused where it reads', async () => {
  const dir = folderWith({ 'p.yaml': POLICY, 'r.yaml': SNAPSHOT('X') });
  const base = ['audit', '--policy', join(dir, 'p.yaml'), '--role-file', join(dir, 'r.yaml')];
  const both = await cli([...base, '--write-baseline', '-'], { cwd: dir });
  expect(both.code).toBe(2);
  expect(both.stderr).toContain('only one output can go to standard output');
  const baseline = await cli([...base, '--format', `json=${join(dir, 'r.json')}`, '--write-baseline', '-'], { cwd: dir });
  expect(baseline.code).toBe(1);
  expect(JSON.parse(baseline.stdout)).toMatchObject({ kind: 'ns-role-audit/baseline', version: 3 });
  for (const flag of ['--policy', '--role-file', '--baseline', '--config']) {
    const r = await cli(['audit', ...(flag === '--policy' ? [] : ['--policy', join(dir, 'p.yaml')]), flag, '-'], { cwd: dir });
    expect({ flag, code: r.code, said: r.stderr.includes(`${flag} -: reading from standard input is not supported`) }).toEqual({ flag, code: 2, said: true });
  }
});
