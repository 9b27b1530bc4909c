/**
 * "Open beside the page": the same queue in Chrome's side panel or Firefox's sidebar, which
 * stays open while the user reads and follows the active tab (src/sidepanel/). Both browsers
 * open it only straight from a click, so the window is looked up beforehand and nothing is
 * awaited before the call.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';

interface SidePanelApi {
  open: (options: { windowId: number }) => Promise<void>;
}
interface SidebarApi {
  open: () => Promise<void>;
}

/** How this browser opens the panel, or null where it has none. */
export function panelOpener(
  globals: { chrome?: { sidePanel?: SidePanelApi }; browser?: { sidebarAction?: SidebarApi } },
  windowId: number | undefined,
): (() => Promise<void>) | null {
  const sidebar = globals.browser?.sidebarAction;
  if (sidebar) return () => sidebar.open();
  const panel = globals.chrome?.sidePanel;
  if (panel && windowId !== undefined) return () => panel.open({ windowId });
  return null;
}

export function SidePanelButton() {
  const [windowId, setWindowId] = useState<number | undefined>(undefined);
  useEffect(() => {
    browser.windows.getCurrent().then(
      (win) => setWindowId(win.id),
      () => {},
    );
  }, []);
  const open = panelOpener(globalThis as Parameters<typeof panelOpener>[0], windowId);
  if (!open) return null;
  return (
    <button
      type="button"
      title="Keep the queue open beside the page you read"
      onClick={() =>
        void open().then(
          () => window.close(),
          () => {},
        )
      }
    >
      Open beside the page
    </button>
  );
}
