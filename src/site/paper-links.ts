/**
 * Finding a paper's arXiv id in what other tools write: a bare id (`2407.21783`,
 * `arXiv:2407.21783v2`), an arxiv.org, huggingface.co/papers or alphaxiv.org link, or the DOI arXiv registers
 * for every paper (`10.48550/arXiv.2407.21783`). Pure; shared by every import parser.
 */
import { normalizePaperId } from './paper-id';

/**
 * The canonical id (version dropped) if arXiv could have issued it, else null. Stricter than
 * `normalizePaperId`: new-style ids began in April 2007, months run 01–12, and ids have four
 * digits after the dot until December 2014 and five since January 2015. So a five-digit id
 * cut short by a truncated file (`2407.2178`) is not mistaken for another paper.
 */
export function issuedPaperId(raw: string): string | null {
  const id = normalizePaperId(raw);
  if (!id) return null;
  const parts = /^(\d{2})(\d{2})\.(\d+)$/.exec(id);
  if (!parts) return id; // old style, `hep-th/9901001`
  const yymm = Number(parts[1]) * 100 + Number(parts[2]);
  const month = Number(parts[2]);
  if (month < 1 || month > 12 || yymm < 704) return null;
  const fiveDigits = (parts[3] as string).length === 5;
  return fiveDigits === yymm >= 1501 ? id : null;
}

const ARXIV_PATH = /^\/(?:abs|pdf|html)\/(.+?)(?:\.pdf)?\/?$/;
const HF_PATH = /^\/papers\/([^/]+?)\/?$/;
const DOI_PATH = /^\/(10\.48550\/arxiv\..+)$/i;
const ALPHAXIV_PATH = /^\/(?:abs|overview)\/(.+?)\/?$/;

const HOSTS: Record<string, RegExp> = {
  'arxiv.org': ARXIV_PATH,
  'export.arxiv.org': ARXIV_PATH,
  'huggingface.co': HF_PATH,
  'hf.co': HF_PATH,
  'alphaxiv.org': ALPHAXIV_PATH,
  'doi.org': DOI_PATH,
  'dx.doi.org': DOI_PATH,
};

/** The id in an arXiv, Hugging Face paper or arXiv DOI link; null for any other text. */
export function idFromUrl(text: string): string | null {
  // Most values are no link at all: a failed URL parse throws, which is slow in bulk.
  if (!/^\s*https?:\/\//i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const pattern = HOSTS[url.hostname.replace(/^www\./, '')];
  const match = pattern?.exec(url.pathname);
  if (!match?.[1]) return null;
  let path: string;
  try {
    path = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  return pattern === DOI_PATH ? idFromDoi(path) : issuedPaperId(path);
}

/** `10.48550/arXiv.2407.21783` (also with `doi:` in front) → `2407.21783`. */
export function idFromDoi(text: string): string | null {
  const match = /^(?:doi:\s*)?10\.48550\/arxiv\.(\S+)$/i.exec(text.trim());
  return match?.[1] ? issuedPaperId(match[1]) : null;
}

/**
 * The id when the whole value names one paper: an id, `arXiv:<id>`, a link or an arXiv DOI.
 * Used for fields whose value is an identifier (BibTeX `eprint`, RIS `UR`, CSL `DOI`, …).
 */
export function idFromValue(value: string): string | null {
  const text = value.trim();
  if (!text) return null;
  return (
    issuedPaperId(text.replace(/^arxiv:\s*/i, '')) ??
    idFromDoi(text) ??
    idFromUrl(text.replace(/^<(.*)>$/, '$1'))
  );
}

const ID_TOKEN = String.raw`(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?`;
const ARXIV_TOKEN = new RegExp(String.raw`\barxiv:\s*(${ID_TOKEN})(?![\w\/-]|\.\d)`, 'gi');
const URL_TOKEN = /\bhttps?:\/\/[^\s<>"'`)\]}]+/gi;

/** Ids written as `arXiv:<id>` in free text (`arXiv:2407.21783 [cs.CL]`), in order, each once. */
export function mentionedIds(text: string): string[] {
  const ids: string[] = [];
  for (const match of text.matchAll(ARXIV_TOKEN)) {
    const id = issuedPaperId(match[1] as string);
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** Ids of the arXiv, Hugging Face or DOI links in free text, in order, each once. */
export function linkedIds(text: string): string[] {
  const ids: string[] = [];
  for (const match of text.matchAll(URL_TOKEN)) {
    const id = idFromUrl(match[0].replace(/[.,;:!?]+$/, ''));
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * Every id a free-text field names, as a link or as `arXiv:<id>` (`arXiv preprint
 * arXiv:1706.03762`): for fields that only mention ids among other words, a note, a journal.
 */
export function idsInText(text: string): string[] {
  return [...new Set([...linkedIds(text), ...mentionedIds(text)])];
}

export type PickedId = { id: string } | { problem: string };

/**
 * One id from the candidates a record offers. `strong` are fields that are identifiers;
 * `weak` ones only mention ids and are used when no strong field names one. Two different
 * papers among the strong (or, failing those, the weak) candidates are a problem, never a
 * guess: importing the wrong paper would be worse than skipping the entry.
 */
export function pickId(strong: readonly (string | null)[], weak: readonly string[] = []): PickedId {
  for (const candidates of [strong, weak]) {
    const ids = [...new Set(candidates.filter((id): id is string => id !== null))];
    if (ids.length === 1) return { id: ids[0] as string };
    if (ids.length > 1) return { problem: `names more than one paper (${ids.join(', ')})` };
  }
  return { problem: 'no arXiv id' };
}
