// Linear time where inputs grow: SDF parsing by permissions, suggestions by unknown names.
// Prints time per size; the ratio between sizes shows the growth (about 10x for 10x is linear).
'use strict';
const { performance } = require('node:perf_hooks');
const { parseSdfRole, parsePolicyLayer, getCatalog } = require('../dist');

function sdf(n) {
  const ids = getCatalog().all().map((p) => p.id);
  const lines = Array.from({ length: n }, (_, i) => `    <permission>\n      <permkey>${i < ids.length ? ids[i] : `LIST_GEN_${i}`}</permkey>\n      <permlevel>VIEW</permlevel>\n    </permission>`);
  return `<role scriptid="customrole_big">\n  <name>Big</name>\n  <permissions>\n${lines.join('\n')}\n  </permissions>\n</role>\n`;
}

function time(fn) {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

module.exports = async function linear() {
  for (const n of [2_000, 20_000]) {
    const text = sdf(n);
    const ms = time(() => parseSdfRole('big.xml', text));
    console.log(`SDF parse, ${n} permissions (${(text.length / 1e6).toFixed(1)} MB): ${ms.toFixed(0)} ms`);
  }
  for (const n of [1_000, 10_000]) {
    const names = Array.from({ length: n }, (_, i) => `    Unknown Permission Name ${i}: View`);
    const yaml = `role: {scriptId: customrole_x}\npermissions:\n  lists:\n${names.join('\n')}\n`;
    const ms = time(() => parsePolicyLayer('p.yaml', yaml));
    console.log(`policy with ${n} unknown permission names (each with a suggestion): ${ms.toFixed(0)} ms`);
  }
};
