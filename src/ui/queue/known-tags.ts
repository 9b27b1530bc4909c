/**
 * The user's tags, most used first, for the tag fields' suggestions. A context, so a new tag
 * re-renders the open editor only, not every (memoised) row of the list.
 */
import { createContext } from 'preact';

export const KnownTags = createContext<readonly string[]>([]);
