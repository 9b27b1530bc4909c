/**
 * Every piece of arxiv.org markup this extension relies on, each with the saved pages it was
 * verified on (test/fixtures/README.md, `arxiv/`). When arXiv changes, read this file first;
 * nothing outside src/site/ names a tag, class or meta tag of the site.
 *
 * arXiv changed its site header in 2026 (`#cu-identity` → `header.ds-site-header`) and kept
 * the page bodies: nothing here touches the header.
 *
 * Fixtures: abs2026 = abs-2401.02954.html, abs-1706.03762v7.html (2026);
 *           abs2025 = abs-2402.07939v1.annotated.html (2025–26, a versioned URL);
 *           abs2021 = abs-2106.09608v2-2021.html (2021, XHTML);
 *           list2026 = list-cs.CL-recent-2026-07-27.html (/recent, 50 entries, new header);
 *           list2023 = list-cs-2301-show3.reformatted.html (a month, 3 entries, old header).
 */

// ── Abstract pages (`/abs/<id>`) ────────────────────────────────────────────────────────

/**
 * Highwire `citation_*` meta tags in the head: the paper's own description for reference
 * managers, so the most stable part of the page. `citation_author` is one tag per author,
 * "Last, First" (a group name has no comma, e.g. `DeepSeek-AI`, followed on abs2026 by a
 * stray `:`); `citation_date` is `YYYY/MM/DD` (first version); `citation_arxiv_id` has no
 * version, also on a versioned URL. Verified: abs2026, abs2025, abs2021 (all five present).
 */
export const META = {
  title: 'citation_title',
  author: 'citation_author',
  date: 'citation_date',
  abstract: 'citation_abstract',
  arxivId: 'citation_arxiv_id',
} as const;

/**
 * The title heading, `<h1 class="title mathjax"><span class="descriptor">Title:</span>…</h1>`
 * inside `div#abs`; controls go right after it. Verified: abs2026, abs2025, abs2021.
 */
export const ABS_TITLE_SELECTOR = 'h1.title';

/** The "Title:" / "Abstract:" label inside a heading or block. Verified: abs*, list*. */
export const DESCRIPTOR_SELECTOR = '.descriptor';

/** The abstract block, used when the head has no `citation_abstract`. Verified: abs*. */
export const ABS_ABSTRACT_SELECTOR = 'blockquote.abstract';

// ── Listings (`/list/<category>/…`) ─────────────────────────────────────────────────────

/**
 * An entry is a `dt` + `dd` pair in a `dl` (list2026: `dl#articles`, which also holds `h3`
 * day headings between the pairs). The `dt` holds `a[name=itemN]`, the abstract link and the
 * pdf / html / other links; the `dd` holds `div.meta`. There is no element around the pair, and
 * none is added: the `dd` is the card (it holds the controls and carries the read filter's
 * attribute), and arxiv.css hides or dims the `dt` in front of a read `dd`.
 * Verified: list2026 (50 pairs), list2023 (3 pairs).
 */
export const ENTRY_TERM_TAG = 'DT';
export const ENTRY_CARD_TAG = 'DD';

/** The abstract link in the `dt`: `a[href="/abs/<id>"][title="Abstract"]`. Verified: list2026, list2023. */
export const ENTRY_ABS_LINK_SELECTOR = 'a[href^="/abs/"], a[href^="https://arxiv.org/abs/"]';

/** The entry's title block (starts with a "Title:" descriptor); controls go right after it. Verified: list*. */
export const ENTRY_TITLE_CLASS = 'list-title';

/** The authors block: one link per author, "First Last". Verified: list2026, list2023. */
export const ENTRY_AUTHORS_SELECTOR = '.list-authors a';

/**
 * The abstract, on `/new` listings only (`p.mathjax` in `div.meta`). Not verified: no saved
 * `/new` page exists (the fixtures README names the one lead); read only when present.
 */
export const ENTRY_ABSTRACT_SELECTOR = '.meta > p';

/**
 * The page's paging line, "Total of 408 entries : <span>1-50</span>": the span says how many
 * entries this page shows, whatever their markup (the drift alarm's expected count).
 * Verified: list2026 ("1-50"), list2023 ("1-3"). `/new` pages may have none.
 */
export const PAGING_RANGE_SELECTOR = '.paging > span';
