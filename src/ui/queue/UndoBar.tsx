/**
 * Says what just happened and offers to take it back. It can appear under the pointer (after
 * Remove on the last row): the second click of a double click then lands on it, and is not
 * taken as a press of Undo or Dismiss.
 */
interface Props {
  message: string;
  onUndo: () => void;
  onDismiss: () => void;
}

const single = (action: () => void) => (event: MouseEvent) => {
  if (event.detail <= 1) action();
};

export function UndoBar({ message, onUndo, onDismiss }: Props) {
  return (
    <div class="undo-bar" role="status">
      <span>{message}</span>
      <button type="button" onClick={single(onUndo)}>
        Undo
      </button>
      {/* A word, not "✕": named as it reads, for voice control and screen readers alike. */}
      <button type="button" onClick={single(onDismiss)}>
        Dismiss
      </button>
    </div>
  );
}
