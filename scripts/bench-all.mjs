#!/usr/bin/env node
// `npm run bench [-- --quick]`: the test build, then every content-script bench in turn, each
// given the same arguments (an npm script's `&&` chain would hand them to the last one only).
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const steps = [
  ['npm', ['run', 'build:test']],
  ['node', ['scripts/bench.mjs', ...args]],
  ['node', ['scripts/bench-sites.mjs', ...args]],
  ['node', ['scripts/bench-rules.mjs', ...args]],
];
for (const [command, stepArgs] of steps) {
  const { status, error } = spawnSync(command, stepArgs, { stdio: 'inherit' });
  if (error) throw error;
  if (status !== 0) process.exit(status ?? 1);
}
