/**
 * The content script on the sites the user turns on (src/site/optional-sites.ts): registered
 * with `scripting.registerContentScripts` for a site whose host permission is granted, and
 * unregistered when it is withdrawn. `sync()` makes the registrations match the permissions;
 * the background runs it at every start (a browser restart or an update may have dropped the
 * registrations, and a permission may have changed while it slept), whenever a permission is
 * added or removed, and when an extension page asks (`sites.status`).
 *
 * The registered script is the manifest's own content script entry (its built `js`, `css` and
 * `run_at`, read from the running manifest), plus the site's stylesheet: whatever the
 * huggingface.co pages get, the other sites get too, and a change to that entry needs nothing
 * here. Browser APIs come in as `SiteScriptDeps`, so this runs under unit tests with fakes.
 */

import type { SiteStatus } from '../shared/this-page';
import { OPTIONAL_SITES, type OptionalSite } from '../site/optional-sites';

/** The ids of our registrations: one per site. */
export const SCRIPT_ID_PREFIX = 'paper-queue-site-';

export type RunAt = 'document_start' | 'document_end' | 'document_idle';

/** A registration, as `scripting.registerContentScripts` takes it (and getRegistered… answers). */
export interface SiteScript {
  id: string;
  matches?: string[];
  js?: string[];
  css?: string[];
  runAt?: RunAt;
  allFrames?: boolean;
  persistAcrossSessions?: boolean;
}

/** The manifest's content script entry, as `runtime.getManifest()` has it. */
export interface ManifestContentScript {
  js?: string[];
  css?: string[];
  run_at?: string;
}

export interface SiteScriptDeps {
  permissions: { contains: (permissions: { origins: string[] }) => Promise<boolean> };
  scripting: {
    getRegisteredContentScripts: () => Promise<SiteScript[]>;
    registerContentScripts: (scripts: SiteScript[]) => Promise<void>;
    unregisterContentScripts: (filter: { ids: string[] }) => Promise<void>;
  };
  /** The running manifest's first content script (the huggingface.co one). */
  contentScript: () => ManifestContentScript | undefined;
}

const RUN_AT: readonly RunAt[] = ['document_start', 'document_end', 'document_idle'];

/**
 * A file of the extension as `registerContentScripts` takes it: a path from its root. Firefox's
 * `getManifest()` gives the content script's files as whole moz-extension:// URLs, which
 * Firefox's own `registerContentScripts` then refuses ("must be a relative URL").
 */
export function extensionPath(file: string): string {
  return file.replace(/^[a-z-]+-extension:\/\/[^/]+\//, '').replace(/^\//, '');
}

/** The script to register for `site` on its granted origins. */
export function scriptFor(
  site: OptionalSite,
  grantedOrigins: readonly string[],
  base: ManifestContentScript,
): SiteScript {
  const covered = (match: string) =>
    grantedOrigins.some((origin) => match.startsWith(origin.replace(/\*$/, '')));
  const runAt = RUN_AT.find((value) => value === base.run_at) ?? 'document_idle';
  return {
    id: `${SCRIPT_ID_PREFIX}${site.key}`,
    matches: site.matches.filter(covered),
    js: (base.js ?? []).map(extensionPath),
    css: [...(base.css ?? []), ...site.stylesheets].map(extensionPath),
    runAt,
    allFrames: false,
    persistAcrossSessions: true,
  };
}

const sameList = (a: readonly string[] = [], b: readonly string[] = []) =>
  a.length === b.length && a.every((item, i) => item === b[i]);
/** Match patterns are a set: Chrome answers them sorted. */
const sameSet = (a: readonly string[] = [], b: readonly string[] = []) =>
  sameList([...a].sort(), [...b].sort());

/** Whether a registration already is what `wanted` says (browsers may add default fields). */
export function sameScript(current: SiteScript, wanted: SiteScript): boolean {
  return (
    sameSet(current.matches, wanted.matches) &&
    sameList(current.js, wanted.js) &&
    sameList(current.css, wanted.css) &&
    (current.runAt ?? 'document_idle') === wanted.runAt &&
    Boolean(current.allFrames) === Boolean(wanted.allFrames)
  );
}

/** The origins of `site` the user granted, each asked on its own (Chrome grants them one by one). */
async function grantedOriginsOf(site: OptionalSite, deps: SiteScriptDeps): Promise<string[]> {
  const granted: string[] = [];
  for (const origin of site.permissionOrigins) {
    if (await deps.permissions.contains({ origins: [origin] })) granted.push(origin);
  }
  return granted;
}

async function syncOnce(deps: SiteScriptDeps): Promise<SiteStatus[]> {
  const base = deps.contentScript();
  const registered = await deps.scripting.getRegisteredContentScripts();
  const ours = new Map(
    registered.filter((s) => s.id.startsWith(SCRIPT_ID_PREFIX)).map((s) => [s.id, s]),
  );
  const statuses: SiteStatus[] = [];
  for (const site of OPTIONAL_SITES) {
    const granted = await grantedOriginsOf(site, deps);
    const wanted = base && granted.length > 0 ? scriptFor(site, granted, base) : null;
    const id = `${SCRIPT_ID_PREFIX}${site.key}`;
    const current = ours.get(id);
    ours.delete(id);
    if (!(current && wanted && sameScript(current, wanted))) {
      if (current) await deps.scripting.unregisterContentScripts({ ids: [id] });
      if (wanted) await deps.scripting.registerContentScripts([wanted]);
    }
    statuses.push({ key: site.key, granted: granted.length > 0, registered: wanted !== null });
  }
  // Registrations of a site this version no longer knows.
  if (ours.size > 0) await deps.scripting.unregisterContentScripts({ ids: [...ours.keys()] });
  return statuses;
}

/**
 * `sync()` runs one reconciliation at a time: a start-up and a permission event arriving
 * together must not both register the same id (the second would fail as a duplicate).
 */
export function createSiteScripts(deps: SiteScriptDeps): { sync: () => Promise<SiteStatus[]> } {
  let last: Promise<unknown> = Promise.resolve();
  return {
    sync: () => {
      const next = last.then(
        () => syncOnce(deps),
        () => syncOnce(deps),
      );
      last = next;
      return next;
    },
  };
}

/** Whether the user granted the site a content script runs on (the sender check's second half). */
export async function originGranted(
  deps: Pick<SiteScriptDeps, 'permissions'>,
  pageUrl: string,
): Promise<boolean> {
  let origin: string;
  try {
    origin = new URL(pageUrl).origin;
  } catch {
    return false;
  }
  return deps.permissions.contains({ origins: [`${origin}/*`] });
}
