// Jest's per-test progress without its closing summary: the 'summary' reporter listed after it
// prints that, and count-reporter.js then prints the very last line, which CI reads.
const { DefaultReporter } = require('@jest/reporters');
module.exports = DefaultReporter;
