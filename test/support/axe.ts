// Runs axe-core (the exact version pinned in package.json) inside a page, for the
// accessibility checks of the end-to-end tests. Its source is evaluated through the
// browser's debugging protocol, which extension pages' Content Security Policy does not block.
import { createRequire } from 'node:module';
import type { AxeResults, ElementContext, Result, RunOptions } from 'axe-core';

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

/** Playwright's and puppeteer's pages both evaluate a string or a function with one argument. */
interface EvaluatingPage {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  evaluate(expression: string): Promise<unknown>;
}

/** The listing's parts that are ours: control hosts, bar, toast and keys dialog. */
export const OUR_LISTING_PARTS: ElementContext = {
  include: [['[data-paper-queue-id]'], ['[data-paper-queue-ui]']],
};

const OPTIONS: RunOptions = {
  // Experimental in axe 4.14, so off by default; the issue that asked for these checks (#20)
  // was about exactly this rule, so it runs too.
  rules: { 'label-content-name-mismatch': { enabled: true } },
  resultTypes: ['violations', 'incomplete'],
};

export interface AxeSummary {
  /** Serious or critical violations: each one fails a test. */
  serious: string[];
  /** Everything axe could not decide (needs a person to look), for the report. */
  review: string[];
}

const describe = (result: Result) =>
  result.nodes.map(
    (node) =>
      `${result.id} (${result.impact}) at ${JSON.stringify(node.target)}: ${
        node.failureSummary?.replace(/\s+/g, ' ') ?? result.help
      }`,
  );

export async function runAxe(page: EvaluatingPage, context?: ElementContext): Promise<AxeSummary> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  const results = await page.evaluate(
    async ([ctx, options]) => {
      const { axe } = window as unknown as {
        axe: { run: (c: unknown, o: unknown) => Promise<AxeResults> };
      };
      const run = await axe.run(ctx ?? document, options);
      // Only what can cross back to Node.
      return JSON.parse(JSON.stringify({ violations: run.violations, incomplete: run.incomplete }));
    },
    [context ?? null, OPTIONS] as const,
  );
  const serious = (results.violations as Result[]).filter(
    (r) => r.impact === 'serious' || r.impact === 'critical',
  );
  return {
    serious: serious.flatMap(describe),
    review: (results.incomplete as Result[]).flatMap(describe),
  };
}
