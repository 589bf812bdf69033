// Preloaded into a child process by bench/cold-start.js: appends the process's CPU time (user +
// system, in microseconds, from process start) to the file $BENCH_CPU_FILE at exit.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  require('node:fs').appendFileSync(process.env.BENCH_CPU_FILE, `${user + system}\n`);
});
