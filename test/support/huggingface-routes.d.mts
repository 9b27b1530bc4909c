import type { BrowserContext } from 'playwright-core';
import type { SiteRouteOptions } from './arxiv-routes.mjs';

export const FIXTURES: string;
export const PAGES: Record<string, string>;
export interface FixtureOptions extends SiteRouteOptions {
  styled?: boolean;
  pages?: Record<string, string | (() => string)>;
}
export function fixtureAnswer(
  url: URL,
  options?: FixtureOptions,
): Promise<{ status: number; contentType: string; body: string | Buffer } | null>;
export function serveHuggingFace(context: BrowserContext, options?: FixtureOptions): Promise<void>;
