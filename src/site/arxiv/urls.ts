/** arXiv's addresses for a paper, as exports and citations link to them. */

export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

/** arXiv registers a DataCite DOI for every paper. */
export function arxivDoi(id: string): string {
  return `10.48550/arXiv.${id}`;
}
