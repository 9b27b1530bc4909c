// Store packages in artifacts/: the Chrome Web Store zip (dist/), the AMO zip (dist-firefox/)
// and the source zip AMO reviewers ask for when the code is bundled. Run via `npm run package`,
// which builds both browsers first.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const ARTIFACTS = join(ROOT, 'artifacts');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
// NO_UPDATE_NOTIFIER: web-ext would otherwise ask the npm registry for a newer web-ext.
const env = { ...process.env, NO_UPDATE_NOTIFIER: '1' };
const run = (command, args) => execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', env });

mkdirSync(ARTIFACTS, { recursive: true });

for (const [browser, dir] of [
  ['chrome', 'dist'],
  ['firefox', 'dist-firefox'],
]) {
  if (!existsSync(join(ROOT, dir, 'manifest.json'))) {
    throw new Error(`No ${browser} build in ${dir}/: run npm run build:all first.`);
  }
  // web-ext build only zips the folder (no Firefox-specific rewriting), so it serves both.
  run(join(ROOT, 'node_modules/.bin/web-ext'), [
    'build',
    '--no-config-discovery',
    '--source-dir',
    dir,
    '--artifacts-dir',
    ARTIFACTS,
    '--filename',
    `paper-queue-${browser}-${version}.zip`,
    '--overwrite-dest',
  ]);
}

// The reviewers rebuild from this: the committed tree only, so it matches a commit exactly.
if (run('git', ['status', '--porcelain']).trim()) {
  console.warn('Warning: uncommitted changes are not in the source zip (it is made from HEAD).');
}
run('git', [
  'archive',
  '--format=zip',
  `--output=${join(ARTIFACTS, `paper-queue-source-${version}.zip`)}`,
  'HEAD',
]);

for (const name of ['chrome', 'firefox', 'source']) {
  console.log(`artifacts/paper-queue-${name}-${version}.zip`);
}
