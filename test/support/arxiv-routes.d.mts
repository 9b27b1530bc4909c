export const SITE_PAGES: Record<string, Record<string, string>>;
export function readSitePage(name: string): Promise<string>;
export interface SiteRouteOptions {
  sitePages?: Record<string, Record<string, string | (() => string)>>;
  styled?: boolean | ((url: URL) => boolean);
}
export function siteAnswer(
  url: URL,
  options?: SiteRouteOptions,
): Promise<{ status: number; contentType: string; body: string | Buffer } | null>;
