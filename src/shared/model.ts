/** What is known about a paper, learned from the page. Never holds a user's decision. */
export interface PaperMeta {
  id: string;
  title: string;
  authors?: string[];
  summary?: string;
  /** Hugging Face's one-line AI summary, when the page has one. */
  aiSummary?: string;
  /** ISO 8601 date the paper was published (arXiv), when known. */
  publishedAt?: string;
  upvotes?: number;
  numComments?: number;
  thumbnail?: string;
  githubRepo?: string;
  organization?: string;
}

/** What the user decided about a paper. */
export interface PaperState {
  saved: boolean;
  read: boolean;
}

/** States keyed by paper id. */
export type StateMap = Record<string, PaperState>;

export const UNMARKED: PaperState = Object.freeze({ saved: false, read: false });
