/** One line saying what the last transfer action did, or why it failed. */
export type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string }
  | { kind: 'done'; text: string }
  | { kind: 'error'; text: string };

export function StatusLine({ status }: { status: Status }) {
  if (status.kind === 'idle') return null;
  if (status.kind === 'error') {
    return (
      <p class="transfer-status error" role="alert">
        {status.text}
      </p>
    );
  }
  return (
    <p class="transfer-status" role="status">
      {status.text}
    </p>
  );
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
