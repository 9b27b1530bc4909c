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

/** What a paper API told us about a paper (authors for citations), within the protocol's limits. */
export interface FetchedPaper {
  id: string;
  title?: string;
  authors: string[];
  summary?: string;
  publishedAt?: string;
}

/** What a card shows of the user's decisions about a paper. */
export interface PaperState {
  saved: boolean;
  read: boolean;
}

/**
 * A paper's state as the background tells it, with the mark's version (`v`, its `updatedAt`):
 * every reply and change notice carries it, and a context keeps the newest it has seen, so
 * an answer that arrives late can never overwrite newer news. `v` 0: never marked.
 */
export interface MarkState extends PaperState {
  v: number;
}

/** States keyed by paper id. */
export type StateMap = Record<string, MarkState>;

export const UNMARKED: MarkState = Object.freeze({ saved: false, read: false, v: 0 });
