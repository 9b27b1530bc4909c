/** Shown instead of the queue when the browser refuses the extension its database. */
import { describeStorageFault } from '../../db/storage-faults';

interface Props {
  error: Error;
}

export function StorageProblem({ error }: Props) {
  const known = describeStorageFault(error);
  if (known && !/^Storage unavailable/.test(known)) {
    return (
      <div class="error storage-problem" role="alert">
        <p>{known}</p>
      </div>
    );
  }
  return (
    <div class="error storage-problem" role="alert">
      <p>
        <strong>Storage unavailable.</strong> Paper Queue could not open its database (
        {error.message}).
      </p>
      <p>
        In Firefox this happens when history is set to “Never remember”: extensions then get no
        storage. Open Settings → Privacy &amp; Security, set History to “Remember history” (or “Use
        custom settings” without “Always use private browsing mode”), then reopen this page. In
        Chrome, check that the disk is not full and that the profile is not in Guest mode.
      </p>
    </div>
  );
}
