/** Listens for the queue's shortcuts on the page while keyboard use is switched on. */
import { useEffect, useRef } from 'preact/hooks';
import { type QueueKeyAction, queueKeyAction } from './keyboard';

export function useQueueKeyboard(enabled: boolean, onAction: (action: QueueKeyAction) => void) {
  const latest = useRef(onAction);
  latest.current = onAction;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const action = queueKeyAction(event);
      if (!action) return;
      event.preventDefault();
      latest.current(action);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
