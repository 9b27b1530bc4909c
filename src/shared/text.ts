/** Collapses the whitespace of rendered text, as a reader sees it. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
