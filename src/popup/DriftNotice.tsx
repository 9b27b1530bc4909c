/** Tells the user when the current papers page shows papers we could not recognize. */
import { useEffect, useState } from 'preact/hooks';
import { driftMessage, hasDrifted, type PageStatus } from '../shared/page-status';
import { queryPageStatus } from './page-status';

export function DriftNotice() {
  const [status, setStatus] = useState<PageStatus | null>(null);
  useEffect(() => {
    void queryPageStatus().then(setStatus);
  }, []);
  if (!status || !hasDrifted(status)) return null;
  return (
    <p class="warning" role="status">
      {driftMessage(status)}. Paper Queue’s buttons may be missing there until it is updated.
    </p>
  );
}
