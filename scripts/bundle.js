// Bundles the CLI (dist/cli/entry.js and all it may load) into one file, dist/cli.js, which the
// bin runs. Why: an offline audit spent most of its start loading ~190 modules one by one
// (resolving, stat-ing, reading each); one file removes that. The tsc output is CommonJS, so
// each module stays wrapped and runs only when first required: commands and their network,
// fleet or simulator code still load on use (see `lazy` in src/cli/main.ts).
// soap and undici stay outside the bundle (loaded from node_modules when a live run needs them):
// they read files of their own relative to their folders. So does ajv's compiler: the bundle
// validates with the build's standalone validators (scripts/build-validators.js) and never needs it.
// ESBUILD_PATH points at an esbuild installed elsewhere (the GitHub action's throwaway build tools);
// BUNDLE_META=1 also writes dist/cli.meta.json, esbuild's account of what the bundle holds.
'use strict';
const { join } = require('node:path');
const esbuild = process.env.ESBUILD_PATH ? require(process.env.ESBUILD_PATH) : require('esbuild');

const root = join(__dirname, '..');

// Data files (the permission catalog, the schemas) as JSON.parse of a string: V8 parses JSON
// faster than the same data written as object literals, and keeps it out of the compiled code
// (and so out of the code cache the bin keeps, bin/ns-role-audit.js).
const jsonAsString = {
  name: 'json-as-string',
  setup(build) {
    build.onLoad({ filter: /\.json$/ }, (args) => {
      const text = JSON.stringify(JSON.parse(require('node:fs').readFileSync(args.path, 'utf8')));
      return { contents: `module.exports = JSON.parse(${JSON.stringify(text)});`, loader: 'js' };
    });
  },
};
// The standalone schema validators (scripts/build-validators.js, ~370 kB) stay files of their own,
// required from dist/core/input/compiled-schemas/ when first used, so each start reads and checks
// a smaller bundle and code cache. The policy's is the exception: every audit and validate uses
// it, so it is in the bundle and its compiled code in the code cache.
const OUTSIDE = ['account-fixture', 'config', 'report', 'role-snapshot'];
const validatorsOutside = {
  name: 'validators-outside',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^\\./compiled-schemas/(${OUTSIDE.join('|')})\\.js$`) }, (args) => ({ path: `./core/input/${args.path.slice(2)}`, external: true }));
  },
};

esbuild.build({
  entryPoints: [join(root, 'dist', 'cli', 'entry.js')],
  outfile: join(root, 'dist', 'cli.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['soap', 'undici', 'ajv/dist/2020'],
  // jsonc-parser's "main" is a UMD build whose require() calls a bundler cannot follow; its ES
  // module build (package.json "module") bundles cleanly. Node, outside the bundle, loads the UMD one.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  legalComments: 'none',
  plugins: [jsonAsString, validatorsOutside],
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  metafile: process.env.BUNDLE_META === '1',
}).then((r) => { if (r.metafile) require('node:fs').writeFileSync(join(root, 'dist', 'cli.meta.json'), JSON.stringify(r.metafile)); }).catch(() => process.exit(1));
