// Preloaded into a benchmarked process (node -r): writes its peak resident set size, in bytes,
// to the file named by BENCH_RSS_FILE when it exits.
const fs = require('node:fs');
const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => fs.writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
