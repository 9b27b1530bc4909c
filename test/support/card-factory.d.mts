export interface SyntheticPaper {
  id: string;
  title: string;
  author?: string;
}
export function syntheticId(n: number, prefix?: string): string;
export function cardHtml(id: string, title: string): string;
export function cardsHtml(papers: SyntheticPaper[]): string;
export function islandProps(papers: SyntheticPaper[]): string;
export function makePapers(count: number, start?: number, prefix?: string): SyntheticPaper[];
export function listingPage(papers: SyntheticPaper[]): string;
