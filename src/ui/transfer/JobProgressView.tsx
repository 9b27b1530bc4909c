/** How far a long job got, with Cancel. Presentational. */
import { describeProgress, type JobProgress } from '../../shared/jobs';

interface Props {
  progress: JobProgress | null;
  /** What the job is, for the progress bar's name ("Import"). */
  label: string;
  onCancel: () => void;
}

export function JobProgressView({ progress, label, onCancel }: Props) {
  if (!progress) return null;
  const counted = progress.total > 0;
  return (
    <div class="job-progress">
      <progress
        aria-label={`${label} progress`}
        max={counted ? progress.total : undefined}
        value={counted ? progress.done : undefined}
      />
      <span class="transfer-status" role="status">
        {describeProgress(progress)}
      </span>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
