/**
 * The sites a user turns on: their host permissions are optional (asked for only then, with
 * `permissions.request()`), and the content script is registered for them at run time
 * (src/background/site-scripts.ts). Hugging Face is not here: it is asked for at install and
 * its content script is in the manifest.
 *
 * Pure, read by the background, the library's Sites section, the popup, and the build
 * (vite.config.ts copies each `stylesheets` file to the same path in the extension).
 */
import {
  ALPHAXIV_CONTENT_MATCHES,
  ALPHAXIV_ORIGINS,
  ALPHAXIV_PERMISSION_ORIGINS,
  alphaxivPaperId,
} from './alphaxiv/urls';
import {
  ARXIV_CONTENT_MATCHES,
  ARXIV_ORIGIN,
  ARXIV_PERMISSION_ORIGINS,
  arxivPageKind,
} from './arxiv/urls';

export type OptionalSiteKey = 'arxiv' | 'alphaxiv';

export interface OptionalSite {
  key: OptionalSiteKey;
  /** As the user knows it. */
  name: string;
  /** The host shown in the Sites section and the popup's prompt. */
  host: string;
  /** What the site offers, for the Sites section. */
  pages: string;
  /** The pages' origins (`https://arxiv.org`), for the sender check and the popup. */
  origins: readonly string[];
  /** Host permissions asked for (`optional_host_permissions` in manifest.json). */
  permissionOrigins: readonly string[];
  /** Where the content script is registered once granted. */
  matches: readonly string[];
  /** Stylesheets injected beside the content script's own (`page.css`), by built path. */
  stylesheets: readonly string[];
  /** Whether the content script decorates the page at `url` (a paper's page or a listing). */
  decorates: (url: string) => boolean;
}

export const OPTIONAL_SITES: readonly OptionalSite[] = [
  {
    key: 'arxiv',
    name: 'arXiv',
    host: 'arxiv.org',
    pages: 'abstract pages and listings',
    origins: [ARXIV_ORIGIN],
    permissionOrigins: ARXIV_PERMISSION_ORIGINS,
    matches: ARXIV_CONTENT_MATCHES,
    stylesheets: ['src/site/arxiv/arxiv.css'],
    decorates: (url) => arxivPageKind(url).kind !== 'other',
  },
  {
    key: 'alphaxiv',
    name: 'alphaXiv',
    host: 'alphaxiv.org',
    pages: 'paper pages',
    origins: ALPHAXIV_ORIGINS,
    permissionOrigins: ALPHAXIV_PERMISSION_ORIGINS,
    matches: ALPHAXIV_CONTENT_MATCHES,
    stylesheets: [],
    decorates: (url) => alphaxivPaperId(url) !== null,
  },
];

/** Every stylesheet the build must copy into the extension. */
export const SITE_STYLESHEETS: readonly string[] = OPTIONAL_SITES.flatMap((s) => s.stylesheets);

/** The optional site a URL is on (by exact origin), or null. */
export function optionalSiteOf(url: string | undefined): OptionalSite | null {
  if (!url) return null;
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return null;
  }
  return OPTIONAL_SITES.find((site) => site.origins.includes(origin)) ?? null;
}

export function optionalSite(key: OptionalSiteKey): OptionalSite {
  return OPTIONAL_SITES.find((site) => site.key === key) as OptionalSite;
}
