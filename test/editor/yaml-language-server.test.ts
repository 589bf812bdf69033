import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspClient } from '../helpers/lsp-client';

// Policies in an editor: yaml-language-server (the server VS Code's YAML extension runs), driven
// over LSP stdio with the published schema, offers permission names under a subtab and a level
// after a name, and reports nothing on the shipped policies.

const ROOT = join(__dirname, '..', '..');
const SCHEMA = join(ROOT, 'schema', 'policy.schema.json');
const dir = mkdtempSync(join(tmpdir(), 'nsra-lsp-'));
let client: LspClient;
let version = 1;

beforeAll(async () => {
  client = new LspClient(ROOT);
  await client.start(`file://${dir}`);
}, 30_000);
afterAll(() => client.stop());

async function open(name: string, text: string): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, text);
  const uri = `file://${file}`;
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: version++, text } });
  return uri;
}

async function labels(uri: string, line: number, character: number): Promise<string[]> {
  const r = await client.request<{ items?: Array<{ label: string }> } | Array<{ label: string }> | null>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
  return (Array.isArray(r) ? r : r?.items ?? []).map((i) => i.label);
}

const head = `# yaml-language-server: $schema=${SCHEMA}\nrole: {scriptId: customrole_x}\npermissions:\n  transactions:\n`;

test('after a permission name, the levels are offered, once each, as the role page writes them', async () => {
  const uri = await open('level.yaml', `${head}    Sales Order: \n`);
  expect(await labels(uri, 4, 17)).toEqual(expect.arrayContaining(['None', 'View', 'Create', 'Edit', 'Full']));
  expect(await labels(uri, 4, 17)).not.toContain('VIEW');
}, 30_000);

test('under a subtab, permission names and IDs of that subtab are offered', async () => {
  const uri = await open('names.yaml', `${head}    \n`);
  const offered = await labels(uri, 4, 4);
  expect(offered).toEqual(expect.arrayContaining(['Sales Order', 'TRAN_SALESORD', 'Invoice', 'Find Transaction']));
  expect(offered).not.toContain('Customers'); // a Lists permission is not offered on Transactions
}, 30_000);

test.each(['polytomic.yaml', 'templates/api-only-integration.yaml'])('the shipped policy %s has no diagnostics', async (name) => {
  const text = readFileSync(join(ROOT, 'policies', name), 'utf8').replace(/^# yaml-language-server: \$schema=.*$/m, `# yaml-language-server: $schema=${SCHEMA}`);
  const uri = await open(name.replace('/', '-'), text);
  expect(await client.diagnosticsFor(uri)).toEqual([]);
}, 30_000);

test('a wrong level is a diagnostic at its place', async () => {
  const uri = await open('bad.yaml', `${head}    Sales Order: Viewer\n`);
  const d = await client.diagnosticsFor(uri);
  expect(d.length).toBeGreaterThan(0);
  expect(JSON.stringify(d)).toContain('"line":4');
}, 30_000);
