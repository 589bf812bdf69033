// Prints the plain closing line CI reads, "N passed, N failed", as the very last line of the run
// (jest's own summary is not read, and it is written after reporters finish, hence the exit hook).
// A run that executed no test is marked failed, so it cannot pass unseen.
const { writeSync } = require('node:fs');

class CountReporter {
  onRunComplete(_contexts, results) {
    const passed = results.numPassedTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    if (passed + failed === 0) process.exitCode = 1;
    process.once('exit', () => writeSync(1, `${passed} passed, ${failed} failed\n`));
  }
}
module.exports = CountReporter;
