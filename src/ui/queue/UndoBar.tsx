/** Says what just happened and offers to take it back. */
interface Props {
  message: string;
  onUndo: () => void;
  onDismiss: () => void;
}

export function UndoBar({ message, onUndo, onDismiss }: Props) {
  return (
    <div class="undo-bar" role="status">
      <span>{message}</span>
      <button type="button" onClick={onUndo}>
        Undo
      </button>
      <button type="button" aria-label="Dismiss" onClick={onDismiss}>
        ✕
      </button>
    </div>
  );
}
