import { builtinModules } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// src/core is pure: values in, values out. Nothing under it may import Node's modules, a
// network or SOAP library, or code outside src/core, nor reach for the process, the clock or
// randomness. The adapters and the two applications (cli, simulator) sit around it.
const src = join(__dirname, '..', '..', 'src');
const core = join(src, 'core');

/** Packages the core may use: parsers and a schema validator, all pure. */
const ALLOWED_PACKAGES = new Set(['yaml', 'fast-xml-parser', 'ajv']);
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** Globals that mean I/O, the environment, the clock or chance. */
const FORBIDDEN_GLOBALS: Array<[RegExp, string]> = [
  [/\bprocess\s*\./, 'process'],
  [/\b__dirname\b|\b__filename\b/, '__dirname/__filename'],
  [/\bfetch\s*\(/, 'fetch'],
  [/\bDate\.now\s*\(|\bnew Date\(\s*\)/, 'the clock'],
  [/\bMath\.random\s*\(/, 'Math.random'],
  [/\bset(Timeout|Interval|Immediate)\s*\(/, 'timers'],
  [/\bconsole\s*\./, 'console'],
];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? walk(p) : /\.ts$/.test(e.name) ? [p] : [];
  });
}

/** Every module specifier a file names: import/export ... from, import(), require(). */
function specifiersOf(code: string): string[] {
  const out: string[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"`])([^'"`]+)\1/gm;
  for (const m of code.matchAll(re)) out.push(m[2]);
  return out;
}

const stripComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1');

/** The boundary violations of one core file's source text. */
function violationsOf(file: string, code: string): string[] {
  const text = stripComments(code);
  const problems: string[] = [];
  for (const spec of specifiersOf(text)) {
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec.replace(/\$\{[^}]*\}.*/, ''));
      const inCore = !relative(core, target).startsWith('..');
      // The published JSON Schemas are data the core reads as values (core/input/schema.ts).
      const schemaData = /^(\.\.\/)+\$\{schemaPath\(name\)\}$/.test(spec) || relative(join(src, '..', 'schema'), target) === '';
      if (!inCore && !schemaData) problems.push(`imports ${spec}, outside src/core`);
    } else {
      const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
      if (BUILTINS.has(spec) || BUILTINS.has(pkg)) problems.push(`imports Node's ${spec}`);
      else if (!ALLOWED_PACKAGES.has(pkg)) problems.push(`imports the package ${spec}`);
    }
  }
  for (const [re, what] of FORBIDDEN_GLOBALS) if (re.test(text)) problems.push(`uses ${what}`);
  return problems;
}

test('no file under src/core imports I/O, the process, the clock or code outside the core', () => {
  const files = walk(core);
  expect(files.length).toBeGreaterThan(20);
  const problems = files.flatMap((f) => violationsOf(f, readFileSync(f, 'utf8')).map((p) => `${relative(src, f)}: ${p}`));
  expect(problems).toEqual([]);
});

test.each([
  ["import { readFileSync } from 'node:fs';", "imports Node's node:fs"],
  ["import { join } from 'path';", "imports Node's path"],
  ["import * as soap from 'soap';", 'imports the package soap'],
  ["const x = require('undici');", 'imports the package undici'],
  ["import { openSession } from '../adapters/netsuite/session';", 'imports ../adapters/netsuite/session, outside src/core'],
  ['const cwd = process.cwd();', 'uses process'],
  ['const t = Date.now();', 'uses the clock'],
  ['const here = __dirname;', 'uses __dirname/__filename'],
])('the guard catches %s', (line, problem) => {
  expect(violationsOf(join(core, 'audit.ts'), line)).toContain(problem);
});

test('the guard lets pure code through', () => {
  expect(violationsOf(join(core, 'audit.ts'), "import { parse } from 'yaml';\nimport { diffRole } from './diff';\n// process.exit is only named in a comment\nconst d = new Date(Date.UTC(2026, 0, 1));")).toEqual([]);
});
