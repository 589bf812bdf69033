#!/usr/bin/env node
'use strict';
let entry;
try {
  entry = require('../dist/cli/entry');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && /dist[\\/]cli[\\/]entry/.test(e.message)) {
    process.stderr.write('ns-role-audit: not built yet; run `npm run build` first\n');
    process.exit(2);
  }
  throw e;
}
entry.main();
