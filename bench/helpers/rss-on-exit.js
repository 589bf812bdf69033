// Preloaded into a child process by bench/fleet.js: reports the process's peak RSS at exit.
process.on('exit', () => process.stderr.write(`\nPEAK_RSS_KB=${process.resourceUsage().maxRSS}\n`));
