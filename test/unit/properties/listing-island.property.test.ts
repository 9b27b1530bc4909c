// Random damage to the real island JSON never attaches one paper's title or authors to
// another paper's id: a field is either the entry's own or missing, never a neighbour's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseListingProps } from '../../../src/site/huggingface/island';
import { LISTING_2024, readProps, TRENDING_2026 } from '../../support/fixtures';

const RUNS = 500;
type Json = unknown;
type Path = (string | number)[];

/** Every path to a value inside `value`, so a mutation can pick any of them. */
function pathsOf(value: Json, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) pathsOf(item, [...path, i], out);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...path, key], out);
  }
  return out;
}

type Mutation = { at: number; how: 'delete' | 'replace' | 'duplicate' | 'reverse'; value: Json };

/** Applies damage that moves no value from one entry to another (that would be a real swap). */
function mutate(original: Json, mutations: Mutation[]): Json {
  const root = structuredClone(original) as Record<string, Json>;
  for (const { at, how, value } of mutations) {
    const paths = pathsOf(root).filter((p) => p.length > 0);
    const path = paths[at % paths.length];
    if (!path) continue;
    const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as never)[key], root) as
      | Record<string, Json>
      | Json[];
    const key = path[path.length - 1] as never;
    if (how === 'delete') {
      if (Array.isArray(parent)) parent.splice(key, 1);
      else delete parent[key];
    } else if (how === 'replace') parent[key] = value as never;
    else if (how === 'duplicate' && Array.isArray(parent))
      parent.push(structuredClone(parent[key]));
    else if (how === 'reverse' && Array.isArray(parent)) parent.reverse();
  }
  return root;
}

const mutation = fc.record({
  at: fc.nat(),
  how: fc.constantFrom('delete', 'replace', 'duplicate', 'reverse') as fc.Arbitrary<
    Mutation['how']
  >,
  value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(null), fc.string()),
});

describe.each([
  ['2024', LISTING_2024],
  ['2026', TRENDING_2026],
])('damaged island JSON of the %s page', (_name, fixture) => {
  const original = readProps(fixture);
  const clean = parseListingProps(JSON.stringify(original));
  const titleOwner = new Map([...clean].map(([id, meta]) => [meta.title, id]));
  const authorsOwner = new Map(
    [...clean]
      .filter(([, m]) => m.authors?.length)
      .map(([id, m]) => [JSON.stringify(m.authors), id]),
  );

  it(`never gives a paper another paper's title or authors (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), fc.nat(), (changes, cut) => {
        const damaged = JSON.stringify(mutate(original, changes));
        // Sometimes also cut the text short, as a truncated page would.
        const texts = [damaged, damaged.slice(0, cut % (damaged.length + 1))];
        for (const text of texts) {
          for (const [id, meta] of parseListingProps(text)) {
            const owner = titleOwner.get(meta.title);
            if (owner) expect(owner).toBe(id);
            const authors = authorsOwner.get(JSON.stringify(meta.authors));
            if (authors) expect(authors).toBe(id);
          }
        }
      }),
      { numRuns: RUNS, seed: 8 },
    );
  });
});
