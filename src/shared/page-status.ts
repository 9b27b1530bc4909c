/**
 * What a papers tab reports to the popup (`page.status`, sent by the popup with
 * tabs.sendMessage): how many papers it shows and how many got controls. The drift alarm.
 */
export interface Recognition {
  /** Distinct papers that got controls. */
  recognized: number;
  /** Papers the page appears to show. */
  expected: number;
}

export interface PageStatus extends Recognition {
  url: string;
  kind: 'listing' | 'paper' | 'other';
}

export const PAGE_STATUS_REQUEST = 'page.status';

export function hasDrifted({ recognized, expected }: Recognition): boolean {
  return expected > recognized;
}

export function driftMessage({ recognized, expected }: Recognition): string {
  return `Recognized ${recognized} of ${expected} papers on this page — the page layout may have changed`;
}
