/** How queue rows describe a paper in words. */

export function formatAuthors(authors: readonly string[]): string {
  if (authors.length === 0) return '';
  if (authors.length <= 2) return authors.join(' and ');
  return `${authors[0]} et al.`;
}

export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleDateString('en', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

export function formatUpvotes(upvotes: number): string {
  if (upvotes <= 0) return '';
  return upvotes === 1 ? '1 upvote' : `${upvotes} upvotes`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}
