/**
 * Size limits on paper metadata, shared by the background's validation and the content
 * script's clean-up of what it reads from the page, so a page can never make a valid card
 * produce a message the background refuses.
 */
export const LIMITS = {
  title: 1000,
  author: 300,
  authors: 5000,
  summary: 20000,
  url: 2048,
  organization: 300,
} as const;

/** Most papers one message may carry: a month view shows ~1,000 papers; leave room. */
export const MAX_PAPERS_PER_MESSAGE = 5000;

/** Longest note on one paper: room for a page of thoughts, not a copy of the paper. */
export const MAX_NOTE_LENGTH = 10000;
