// A stand-in background for content-script unit tests: answers from a map of states (each
// write moves the paper's version on, as the database does), validates and records every
// request, and lets a test push "another tab changed this" notices.
import type { AppDeps } from '../../src/content/content-app';
import type { Request, Responses } from '../../src/shared/messages';
import type { MarkState, PaperState, StateMap } from '../../src/shared/model';
import type { PageStatus } from '../../src/shared/page-status';
import { parseRequest } from '../../src/shared/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/settings';

const UNMARKED: MarkState = { saved: false, read: false, v: 0 };

export function fakeBackground(initial: Record<string, PaperState> = {}) {
  let version = 0;
  const states: StateMap = {};
  const write = (id: string, state: PaperState): MarkState => {
    states[id] = { saved: state.saved, read: state.read, v: ++version };
    return states[id] as MarkState;
  };
  for (const [id, state] of Object.entries(initial)) write(id, state);
  const requests: Request[] = [];
  const warnings: string[] = [];
  let push: (s: StateMap) => void = () => {};
  let statusOf: () => PageStatus = () => {
    throw new Error('no status responder');
  };
  let alive = true;
  let settings: Settings = { ...DEFAULT_SETTINGS };
  let settingsListener: (s: Settings) => void = () => {};

  const answer = (request: Request): Responses[Request['type']] => {
    const pick = (ids: string[]) =>
      Object.fromEntries(ids.map((id) => [id, states[id] ?? UNMARKED]));
    switch (request.type) {
      case 'papers.seen':
        return pick(request.papers.map((p) => p.id));
      case 'papers.states':
        return pick(request.ids);
      case 'paper.opened':
        return states[request.id] ?? UNMARKED;
      case 'papers.set': {
        for (const [id, wanted] of Object.entries(request.marks)) {
          write(id, { ...(states[id] ?? UNMARKED), ...wanted });
        }
        return pick(Object.keys(request.marks));
      }
      case 'paper.mark': {
        const next = { ...(states[request.id] ?? UNMARKED) };
        if (request.saved !== undefined) next.saved = request.saved;
        if (request.read !== undefined) next.read = request.read;
        return write(request.id, next);
      }
      case 'tab.showing':
        return request.id ? (states[request.id] ?? UNMARKED) : null;
      default:
        throw new Error(`The content script never sends ${request.type}`);
    }
  };

  const deps: AppDeps = {
    // Every request is checked against the real schemas first, as the background does.
    send: async (request) => {
      const parsed = parseRequest(structuredClone(request));
      if (!parsed.ok) throw new Error(parsed.error);
      requests.push(request as Request);
      return answer(request as Request) as never;
    },
    isContextAlive: () => alive,
    subscribeToChanges: (listener) => {
      push = listener;
    },
    answerStatus: (status) => {
      statusOf = status;
    },
    warn: (message) => warnings.push(message),
    watchSettings: (listener) => {
      settingsListener = listener;
      listener(settings);
    },
    saveHideMode: (hideMode) => {
      settings = { ...settings, hideMode };
      settingsListener(settings);
    },
  };
  return {
    deps,
    states,
    requests,
    warnings,
    /** Another context changed these papers: written here, then announced. */
    change: (changes: Record<string, PaperState>) => {
      const notice: StateMap = {};
      for (const [id, state] of Object.entries(changes)) notice[id] = write(id, state);
      push(notice);
      return notice;
    },
    /** A raw notice, as the background would send it (versions included). */
    push: (s: StateMap) => push(s),
    status: () => statusOf(),
    kill: () => {
      alive = false;
    },
    settings: () => settings,
    setSettings: (next: Partial<Settings>) => {
      settings = { ...settings, ...next };
      settingsListener(settings);
    },
  };
}
