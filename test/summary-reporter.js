// Ends a jest run with one plain line, "N passed, N failed, N skipped", that CI and
// people can read without knowing jest's own summary format.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numFailedTestSuites, numRuntimeErrorTestSuites } = results;
    const broken = numRuntimeErrorTestSuites > 0 ? ` (${numRuntimeErrorTestSuites} suites failed to run)` : '';
    process.stdout.write(`\ntests: ${numPassedTests} passed, ${numFailedTests + (numFailedTestSuites > 0 && numFailedTests === 0 ? numFailedTestSuites : 0)} failed, ${numPendingTests + numTodoTests} skipped${broken}\n`);
  }
}
module.exports = SummaryReporter;
