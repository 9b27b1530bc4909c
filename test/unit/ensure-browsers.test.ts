// scripts/ensure-browsers.mjs decides on a machine described to it: which paths exist,
// which environment variables are set, and whether apt-get can run. Nothing is installed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type BrowserName, ensureBrowsers, locate, plan } from '../../scripts/ensure-browsers.mjs';

type Machine = Parameters<typeof plan>[1];

function machine(options: {
  paths?: string[];
  env?: Record<string, string>;
  isRoot?: boolean;
  hasAptGet?: boolean;
  sudo?: boolean;
}): Machine & { sudoAsked: () => number } {
  let asked = 0;
  const paths = new Set(options.paths ?? []);
  return {
    env: options.env ?? {},
    exists: (path) => paths.has(path),
    isRoot: options.isRoot ?? false,
    hasAptGet: options.hasAptGet ?? true,
    sudoWorks: () => {
      asked++;
      return options.sudo ?? false;
    },
    sudoAsked: () => asked,
  };
}

const BOTH: BrowserName[] = ['chromium', 'firefox'];
const APT_UPDATE = ['apt-get', 'update', '-q'];
const aptInstall = (...packages: string[]) => [
  'apt-get',
  'install',
  '-y',
  '-q',
  '--no-install-recommends',
  ...packages,
];

describe('finding a browser', () => {
  it('looks at the Debian paths in order', () => {
    expect(locate('chromium', machine({ paths: ['/usr/bin/google-chrome'] }))).toEqual({
      path: '/usr/bin/google-chrome',
    });
    expect(
      locate('chromium', machine({ paths: ['/usr/bin/google-chrome', '/usr/bin/chromium'] })),
    ).toEqual({ path: '/usr/bin/chromium' });
    expect(locate('firefox', machine({ paths: ['/usr/bin/firefox-esr'] }))).toEqual({
      path: '/usr/bin/firefox-esr',
    });
    expect(locate('firefox', machine({ paths: ['/usr/bin/chromium'] }))).toEqual({ path: null });
  });

  it('takes CHROME_PATH / FIREFOX_PATH first, and only them when they are set', () => {
    const env = { CHROME_PATH: '/opt/chrome/chrome', FIREFOX_PATH: '/opt/ff/firefox' };
    const everywhere = ['/opt/chrome/chrome', '/opt/ff/firefox', '/usr/bin/chromium'];
    expect(locate('chromium', machine({ env, paths: everywhere }))).toEqual({
      path: '/opt/chrome/chrome',
    });
    expect(locate('firefox', machine({ env, paths: everywhere }))).toEqual({
      path: '/opt/ff/firefox',
    });
    expect(locate('chromium', machine({ env, paths: ['/usr/bin/chromium'] }))).toEqual({
      path: null,
      setButMissing: '/opt/chrome/chrome',
    });
  });
});

describe('the plan', () => {
  it('does nothing when every wanted browser is there, whatever apt could do', () => {
    const m = machine({ paths: ['/usr/bin/chromium', '/usr/bin/firefox-esr'], hasAptGet: false });
    expect(plan(BOTH, m)).toEqual({
      action: 'none',
      found: { chromium: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr' },
    });
    expect(m.sudoAsked()).toBe(0);
  });

  it('needs only Chromium for the demo: a missing Firefox does not matter', () => {
    expect(plan(['chromium'], machine({ paths: ['/usr/bin/chromium'] }))).toEqual({
      action: 'none',
      found: { chromium: '/usr/bin/chromium' },
    });
  });

  it('installs only what is missing, with apt-get directly as root', () => {
    const m = machine({ paths: ['/usr/bin/chromium'], isRoot: true });
    expect(plan(BOTH, m)).toEqual({
      action: 'install',
      packages: ['firefox-esr'],
      commands: [APT_UPDATE, aptInstall('firefox-esr')],
      found: { chromium: '/usr/bin/chromium' },
    });
    expect(m.sudoAsked()).toBe(0);
  });

  it('installs both from a bare machine, Chromium first', () => {
    const decision = plan(BOTH, machine({ isRoot: true }));
    expect(decision).toMatchObject({
      action: 'install',
      packages: ['chromium', 'firefox-esr'],
      commands: [APT_UPDATE, aptInstall('chromium', 'firefox-esr')],
    });
  });

  it('goes through sudo -n when not root and sudo needs no password', () => {
    const sudo = ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive'];
    expect(plan(['chromium'], machine({ sudo: true }))).toEqual({
      action: 'install',
      packages: ['chromium'],
      commands: [
        [...sudo, ...APT_UPDATE],
        [...sudo, ...aptInstall('chromium')],
      ],
      found: {},
    });
  });

  it('stops with the exact commands when apt-get cannot run here', () => {
    const decision = plan(BOTH, machine({ paths: ['/usr/bin/chromium'], sudo: false }));
    expect(decision.action).toBe('stop');
    const { message } = decision as { message: string };
    expect(message).toContain('Firefox ESR not found');
    expect(message).toContain(
      'sudo apt-get update && sudo apt-get install -y --no-install-recommends firefox-esr',
    );
    expect(message).toContain('FIREFOX_PATH');
    expect(message).not.toContain('chromium');
  });

  it('stops without apt commands on a machine that has no apt-get', () => {
    const decision = plan(BOTH, machine({ isRoot: true, hasAptGet: false }));
    expect(decision.action).toBe('stop');
    const { message } = decision as { message: string };
    expect(message).toMatch(/Chromium and Firefox ESR not found.*no apt-get/);
    expect(message).toContain('CHROME_PATH / FIREFOX_PATH');
    expect(message).not.toContain('apt-get install');
  });

  it('never installs over a CHROME_PATH that points nowhere: it says to fix it', () => {
    const m = machine({ env: { CHROME_PATH: '/opt/gone' }, isRoot: true, sudo: true });
    const decision = plan(['chromium'], m);
    expect(decision).toEqual({
      action: 'stop',
      message:
        'CHROME_PATH is /opt/gone, which does not exist: point it at the browser, or unset it ' +
        'to use /usr/bin/chromium or /usr/bin/chromium-browser or /usr/bin/google-chrome.',
    });
  });
});

describe('carrying out the plan', () => {
  const quiet = () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    return vi.spyOn(console, 'error').mockImplementation(() => undefined);
  };
  afterEach(() => vi.restoreAllMocks());

  it('runs update, then install, and succeeds once the browser is there', () => {
    quiet();
    const paths = new Set<string>();
    const m = { ...machine({ isRoot: true }), exists: (p: string) => paths.has(p) };
    const ran: string[][] = [];
    const run = (argv: string[]) => {
      ran.push(argv);
      if (argv[1] === 'install') paths.add('/usr/bin/chromium');
      return { status: 0 };
    };
    expect(ensureBrowsers(['chromium'], m, run)).toBe(0);
    expect(ran).toEqual([APT_UPDATE, aptInstall('chromium')]);
  });

  it('stops at the first command that fails, and says what to do', () => {
    const error = quiet();
    const ran: string[][] = [];
    const run = (argv: string[]) => {
      ran.push(argv);
      return { status: 100 };
    };
    expect(ensureBrowsers(BOTH, machine({ isRoot: true }), run)).toBe(1);
    expect(ran).toEqual([APT_UPDATE]);
    expect(String(error.mock.calls[0]?.[0])).toMatch(
      /`apt-get update -q` failed \(exit status 100\)\. Install chromium firefox-esr yourself, or set CHROME_PATH \/ FIREFOX_PATH/,
    );
  });

  it('fails when apt-get succeeded but the browser is still not where the tests look', () => {
    const error = quiet();
    expect(ensureBrowsers(['firefox'], machine({ isRoot: true }), () => ({ status: 0 }))).toBe(1);
    expect(String(error.mock.calls[0]?.[0])).toContain('found no browser at /usr/bin/firefox-esr');
  });

  it('runs nothing and prints the message when it cannot install', () => {
    const error = quiet();
    const run = vi.fn(() => ({ status: 0 }));
    expect(ensureBrowsers(['chromium'], machine({}), run)).toBe(1);
    expect(run).not.toHaveBeenCalled();
    expect(String(error.mock.calls[0]?.[0])).toContain('sudo apt-get install');
  });
});
