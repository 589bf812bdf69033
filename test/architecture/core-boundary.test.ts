import { builtinModules } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

// src/core is pure: values in, values out. Nothing under it may import Node's modules, a network
// or SOAP library, or code outside src/core, nor reach for the process, the module system, the
// clock or chance, however it is written: the guard reads each file's TypeScript syntax tree, so
// `const { env } = process`, `new Date`, `const r = require; r('fs')`, `globalThis.process`,
// `Math['random']()` and `import('node:fs')` are all caught. The adapters and the two applications
// (cli, simulator) sit around it.
const src = join(__dirname, '..', '..', 'src');
const core = join(src, 'core');

/** Packages the core may import: parsers and the schema validator's types, all pure. */
const ALLOWED_PACKAGES = new Set(['yaml', 'ajv', 'jsonc-parser']);
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** Globals that mean I/O, the environment, the module system, the clock or chance; any reference to one is a violation. */
const FORBIDDEN: Record<string, string> = {
  process: 'process', require: 'require', module: 'module', exports: 'exports', __dirname: '__dirname', __filename: '__filename',
  Date: 'the clock (Date)', performance: 'the clock (performance)', fetch: 'fetch', globalThis: 'globalThis', global: 'global',
  setTimeout: 'timers', setInterval: 'timers', setImmediate: 'timers', queueMicrotask: 'timers', console: 'console',
  crypto: 'crypto', eval: 'eval', Function: 'the Function constructor', XMLHttpRequest: 'the network', WebSocket: 'the network',
};

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? walk(p) : /\.ts$/.test(e.name) ? [p] : [];
  });
}

/** True when the identifier is a name in a declaration or a member access, not a reference to a global. */
function isNameNotReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return true;
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodDeclaration(p) || ts.isMethodSignature(p) || ts.isEnumMember(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p)) && p.name === id) return true;
  if (ts.isBindingElement(p) && p.propertyName === id) return true;
  if ((ts.isImportSpecifier(p) || ts.isExportSpecifier(p)) && p.propertyName === id) return true;
  if (ts.isQualifiedName(p) && p.right === id) return true;
  if (ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return true;
  return false;
}

/** The boundary violations of one core file's source text. */
function violationsOf(file: string, code: string): string[] {
  const sf = ts.createSourceFile(file, code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const problems: string[] = [];
  const checkSpecifier = (spec: string) => {
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec);
      if (relative(core, target).startsWith('..')) problems.push(`imports ${spec}, outside src/core`);
      return;
    }
    const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
    if (BUILTINS.has(spec) || BUILTINS.has(pkg)) problems.push(`imports Node's ${spec}`);
    else if (!ALLOWED_PACKAGES.has(pkg)) problems.push(`imports the package ${spec}`);
  };
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) checkSpecifier(node.moduleSpecifier.text);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) checkSpecifier(node.moduleReference.expression.text);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      if (arg && ts.isStringLiteralLike(arg)) checkSpecifier(arg.text);
      else problems.push('imports a module by a computed name');
    } else if (ts.isIdentifier(node) && Object.hasOwn(FORBIDDEN, node.text) && !isNameNotReference(node)) problems.push(`uses ${FORBIDDEN[node.text]}`);
    else if (ts.isIdentifier(node) && node.text === 'Math' && !isNameNotReference(node)) {
      // Math is pure but for one member: only `Math.<name>` with a name other than random.
      const p = node.parent;
      if (!ts.isPropertyAccessExpression(p) || p.expression !== node || p.name.text === 'random') problems.push('uses Math.random (or Math other than by a named member)');
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return [...new Set(problems)];
}

test('no file under src/core imports I/O, reaches the process, the module system, the clock or chance, or code outside the core', () => {
  const files = walk(core);
  expect(files.length).toBeGreaterThan(40);
  const problems = files.flatMap((f) => violationsOf(f, readFileSync(f, 'utf8')).map((p) => `${relative(src, f)}: ${p}`));
  expect(problems).toEqual([]);
});

test.each([
  ["import { readFileSync } from 'node:fs';", "imports Node's node:fs"],
  ["import { join } from 'path';", "imports Node's path"],
  ["import type { Stats } from 'fs';", "imports Node's fs"],
  ["import * as soap from 'soap';", 'imports the package soap'],
  ["export { x } from 'undici';", 'imports the package undici'],
  ["const m = await import('node:os');", "imports Node's node:os"],
  ['const m = await import(name);', 'imports a module by a computed name'],
  ["import fs = require('fs');", "imports Node's fs"],
  ["import { openSession } from '../adapters/netsuite/session';", 'imports ../adapters/netsuite/session, outside src/core'],
  ["import data from '../../schema/policy.schema.json';", 'imports ../../schema/policy.schema.json, outside src/core'],
  ['const cwd = process.cwd();', 'uses process'],
  ['const { env } = process;', 'uses process'],
  ['const p = globalThis.process;', 'uses globalThis'],
  ["const r = require; r('fs');", 'uses require'],
  ["const x = require('yaml');", 'uses require'],
  ['const m = module;', 'uses module'],
  ['const t = Date.now();', 'uses the clock (Date)'],
  ['const d = new Date;', 'uses the clock (Date)'],
  ['const D = Date; const d = new D(0);', 'uses the clock (Date)'],
  ['const n = Math.random();', 'uses Math.random (or Math other than by a named member)'],
  ["const n = Math['random']();", 'uses Math.random (or Math other than by a named member)'],
  ['const M = Math; M.random();', 'uses Math.random (or Math other than by a named member)'],
  ['const here = __dirname;', 'uses __dirname'],
  ['setTimeout(() => 1, 5);', 'uses timers'],
  ["console.log('x');", 'uses console'],
  ["const f = new Function('return 1');", 'uses the Function constructor'],
])('the guard catches %s', (line, problem) => {
  expect(violationsOf(join(core, 'audit.ts'), line)).toContain(problem);
});

test('the guard lets pure code through: names that only look like globals, JSON modules inside the core, Math by member', () => {
  const pure = [
    "import { parse } from 'yaml';",
    "import type { ValidateFunction } from 'ajv';",
    "import { diffRole } from './diff';",
    "import data from './catalog/permissions.data.json';",
    '// process.exit and new Date() are only named in a comment',
    "const o = { process: 1, Date: 2, require: 3 }; const { process: p } = o; o.Date = 4;",
    'interface X { module: string; exports(): void }',
    'const n = Math.max(1, Math.floor(2.5));',
    "const s = 'require(\"fs\") and Date.now() in a string';",
  ].join('\n');
  expect(violationsOf(join(core, 'audit.ts'), pure)).toEqual([]);
});
