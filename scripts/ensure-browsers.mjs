#!/usr/bin/env node
// Makes sure the browsers a command needs are installed, before it needs them:
//
//   node scripts/ensure-browsers.mjs chromium            (npm run demo)
//   node scripts/ensure-browsers.mjs chromium firefox    (npm test, .ci/run)
//
// A browser is found at CHROME_PATH / FIREFOX_PATH when set, else at the usual Debian paths
// (the same lookup the test launchers use: test/support/launch-*.mjs import it from here).
// A missing one is installed from Debian's packages (`chromium`, `firefox-esr`) when apt-get
// can run: as root, or through passwordless `sudo -n`. Otherwise it stops and says exactly
// what to run. It never downloads a browser build of its own.
//
// Plain Node, no dependencies: .ci/run runs it before `npm ci`.
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {'chromium' | 'firefox'} BrowserName
 * @typedef {{ label: string, envVar: string, candidates: string[], debianPackage: string }} BrowserSpec
 */

/** @type {Record<BrowserName, BrowserSpec>} */
export const BROWSERS = {
  chromium: {
    label: 'Chromium',
    envVar: 'CHROME_PATH',
    candidates: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
    debianPackage: 'chromium',
  },
  firefox: {
    label: 'Firefox ESR',
    envVar: 'FIREFOX_PATH',
    candidates: ['/usr/bin/firefox-esr'],
    debianPackage: 'firefox-esr',
  },
};

/**
 * What the machine looks like, injected so the decisions can be tested without it.
 * @typedef {{
 *   env: Record<string, string | undefined>,
 *   exists: (path: string) => boolean,
 *   isRoot: boolean,
 *   hasAptGet: boolean,
 *   sudoWorks: () => boolean,
 * }} Machine
 */

/**
 * Where `name` is, or why it is not there. An environment variable, when set, is the only
 * place looked at: the launchers use it as it is, so a wrong one must be fixed, not bypassed.
 * @param {BrowserName} name
 * @param {Pick<Machine, 'env' | 'exists'>} machine
 * @returns {{ path: string } | { path: null, setButMissing?: string }}
 */
export function locate(name, machine) {
  const { envVar, candidates } = BROWSERS[name];
  const fromEnv = machine.env[envVar];
  if (fromEnv)
    return machine.exists(fromEnv) ? { path: fromEnv } : { path: null, setButMissing: fromEnv };
  const found = candidates.find((path) => machine.exists(path));
  return found ? { path: found } : { path: null };
}

const aptArgs = (packages) => [
  ['apt-get', 'update', '-q'],
  ['apt-get', 'install', '-y', '-q', '--no-install-recommends', ...packages],
];

/**
 * The decision: nothing to do, commands to run, or a message to stop with.
 * @param {BrowserName[]} wanted
 * @param {Machine} machine
 * @returns {{ action: 'none', found: Record<string, string> }
 *   | { action: 'install', packages: string[], commands: string[][], found: Record<string, string> }
 *   | { action: 'stop', message: string }}
 */
export function plan(wanted, machine) {
  /** @type {Record<string, string>} */
  const found = {};
  /** @type {BrowserName[]} */
  const missing = [];
  /** @type {string[]} */
  const wrongEnv = [];
  for (const name of wanted) {
    const where = locate(name, machine);
    const { envVar, candidates } = BROWSERS[name];
    if (where.path) found[name] = where.path;
    else if ('setButMissing' in where && where.setButMissing) {
      wrongEnv.push(
        `${envVar} is ${where.setButMissing}, which does not exist: point it at the browser, ` +
          `or unset it to use ${candidates.join(' or ')}.`,
      );
    } else missing.push(name);
  }
  if (wrongEnv.length > 0) return { action: 'stop', message: wrongEnv.join('\n') };
  if (missing.length === 0) return { action: 'none', found };

  const labels = missing.map((n) => BROWSERS[n].label).join(' and ');
  const packages = missing.map((n) => BROWSERS[n].debianPackage);
  const envVars = missing.map((n) => BROWSERS[n].envVar).join(' / ');
  if (!machine.hasAptGet) {
    return {
      action: 'stop',
      message:
        `${labels} not found, and this machine has no apt-get to install ${missing.length > 1 ? 'them' : 'it'} ` +
        `from Debian's packages. Install ${labels} with the system's package manager and set ` +
        `${envVars} to the browser's executable.`,
    };
  }
  if (machine.isRoot) return { action: 'install', packages, commands: aptArgs(packages), found };
  if (machine.sudoWorks()) {
    return {
      action: 'install',
      packages,
      // sudo resets the environment: `env` carries DEBIAN_FRONTEND over.
      commands: aptArgs(packages).map((argv) => [
        'sudo',
        '-n',
        'env',
        'DEBIAN_FRONTEND=noninteractive',
        ...argv,
      ]),
      found,
    };
  }
  return {
    action: 'stop',
    message:
      `${labels} not found. Install ${missing.length > 1 ? 'them' : 'it'} from Debian's packages:\n\n` +
      `  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(' ')}\n\n` +
      `or set ${envVars} to a browser installed elsewhere. (This script installs them itself ` +
      `when run as root or where sudo needs no password.)`,
  };
}

/** @param {string} command */
function onPath(command, env = process.env) {
  return (env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)));
}

/** @returns {Machine} */
export function thisMachine() {
  return {
    env: process.env,
    exists: existsSync,
    isRoot: process.getuid?.() === 0,
    hasAptGet: onPath('apt-get'),
    sudoWorks: () =>
      onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0,
  };
}

/**
 * Runs one command with the terminal attached; its exit status, or its error.
 * @param {string[]} argv
 * @returns {{ status: number | null, error?: Error }}
 */
function runAttached([command, ...args]) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return spawnSync(/** @type {string} */ (command), args, { stdio: 'inherit', env });
}

/**
 * Finds the wanted browsers, installing the missing ones when it can.
 * @param {BrowserName[]} wanted
 * @returns {number} the exit code
 */
export function ensureBrowsers(wanted, machine = thisMachine(), run = runAttached) {
  const decision = plan(wanted, machine);
  if (decision.action === 'none') return 0;
  if (decision.action === 'stop') {
    console.error(decision.message);
    return 1;
  }
  const packages = decision.packages.join(' ');
  const envVars = wanted.map((n) => BROWSERS[n].envVar).join(' / ');
  console.log(`Installing ${packages} from Debian's packages`);
  for (const argv of decision.commands) {
    const { status, error } = run(argv);
    if (status !== 0) {
      console.error(
        `\`${argv.join(' ')}\` failed (${error?.message ?? `exit status ${status}`}). ` +
          `Install ${packages} yourself, or set ${envVars}.`,
      );
      return 1;
    }
  }
  // apt-get said yes; the browser must now be where the launchers look.
  const after = plan(wanted, machine);
  if (after.action !== 'none') {
    const places = wanted.flatMap((n) => BROWSERS[n].candidates).join(', ');
    console.error(`Installed ${packages}, but found no browser at ${places}: set ${envVars}.`);
    return 1;
  }
  return 0;
}

/** Run as `node scripts/ensure-browsers.mjs …`, not imported (the launchers import it). */
function invokedAsScript() {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (invokedAsScript()) {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !(name in BROWSERS));
  if (wanted.length === 0 || unknown.length > 0) {
    console.error(
      `Usage: node scripts/ensure-browsers.mjs <${Object.keys(BROWSERS).join('|')}>...`,
    );
    process.exit(2);
  }
  process.exit(ensureBrowsers(/** @type {BrowserName[]} */ (wanted)));
}
