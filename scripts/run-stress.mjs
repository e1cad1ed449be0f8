#!/usr/bin/env node
// The integration suite with a CPU hog per core beside it (`yes > /dev/null`), to shake out
// tests and code that depend on the order or timing of events. Bounded: the hogs are stopped
// when the suite ends, on Ctrl-C, and after AA_STRESS_MINUTES (default 20) at the latest.
// Arguments are passed to scripts/run-integration.mjs (file names, --grep PATTERN).
//   npm run test:stress            (builds first; not part of npm test)
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const minutes = Number(process.env.AA_STRESS_MINUTES ?? 20);
const hogs = [];
for (let i = 0; i < availableParallelism(); i++) hogs.push(spawn('yes', [], { stdio: ['ignore', 'ignore', 'ignore'] }));
console.log(`stress: ${hogs.length} CPU hog(s) started (pids ${hogs.map((h) => h.pid).join(', ')})`);

function stopHogs() {
  for (const h of hogs) if (h.exitCode === null && h.signalCode === null) h.kill('SIGTERM');
}
const suite = spawn(process.execPath, [join(here, 'run-integration.mjs'), ...process.argv.slice(2)], { stdio: 'inherit' });
const bound = setTimeout(() => {
  console.error(`stress: the suite took over ${minutes} minutes; stopping it`);
  suite.kill('SIGTERM');
}, minutes * 60_000);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    suite.kill(signal);
    stopHogs();
    process.exit(130);
  });
}
process.on('exit', stopHogs);
suite.on('exit', (code, signal) => {
  clearTimeout(bound);
  stopHogs();
  console.log('stress: CPU hogs stopped');
  process.exit(code ?? (signal ? 1 : 0));
});
