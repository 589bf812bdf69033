// Jest test environment for `npm run mutation`: once a test has failed against a mutant, the rest
// of that mutant's tests are skipped (their files' hooks too). One failing test is what kills a
// mutant; Stryker records only the first, and its jest runner cannot ask jest to bail (jest's bail
// exits the process). Without this, a mutant that the first test kills still ran every test that
// covers it: hundreds, for the policy reader. Survivors are unaffected: nothing fails, nothing is skipped.
// Jest runs Stryker's test files in one process (runInBand), so the state lives on `process`.
const { TestEnvironment } = require('jest-environment-node');

const FAILED = Symbol.for('ns-role-audit.mutation.failed-mutant');
const activeMutant = () => process.env.__STRYKER_ACTIVE_MUTANT__;

function skipAll(block) {
  block.mode = 'skip';
  for (const child of block.children) {
    if (child.type === 'describeBlock') skipAll(child);
    else child.mode = 'skip';
  }
}

class MutationEnvironment extends TestEnvironment {
  async handleTestEvent(event, state) {
    const mutant = activeMutant();
    if (mutant === undefined) return;
    const killed = process[FAILED] === mutant;
    if (event.name === 'run_start' && killed) skipAll(state.rootDescribeBlock);
    else if (event.name === 'test_start' && killed) event.test.mode = 'skip';
    else if (event.name === 'hook_failure' || (event.name === 'test_done' && event.test.errors.length > 0)) process[FAILED] = mutant;
  }
}

module.exports = MutationEnvironment;
