/**
 * Reads a JSON backup without trusting it. The whole file is checked before anything is
 * written; an error names the field, e.g. `marks[3].savedAt: Not a timestamp`.
 */
import * as v from 'valibot';
import { PaperMetaSchema } from '../protocol';
import { RulesSchema } from '../rules-schema';
import { BACKUP_FORMAT, type Backup, READABLE_BACKUP_VERSIONS } from './format';
import {
  MAX_BACKUP_RECORDS,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_MEGABYTES,
  MAX_NOTE_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
} from './limits';

const Stamp = v.pipe(
  v.number('Not a timestamp'),
  v.integer('Not a timestamp'),
  v.minValue(0, 'Not a timestamp'),
);

const PaperSchema = v.strictObject({
  ...PaperMetaSchema.entries,
  firstSeenAt: Stamp,
  lastSeenAt: Stamp,
});

const MarkSchema = v.strictObject({
  id: PaperMetaSchema.entries.id,
  savedAt: Stamp,
  readAt: Stamp,
  updatedAt: Stamp,
  pinnedAt: Stamp,
  tags: v.pipe(
    v.array(v.pipe(v.string(), v.maxLength(MAX_TAG_LENGTH, 'Tag too long'))),
    v.maxLength(MAX_TAGS, `More than ${MAX_TAGS} tags`),
  ),
  note: v.pipe(
    v.string(),
    v.maxLength(MAX_NOTE_LENGTH, `Longer than ${MAX_NOTE_LENGTH} characters`),
  ),
  // Version 2: when each field was decided. Version 1 backups have none.
  clock: v.optional(
    v.strictObject({
      savedAt: Stamp,
      readAt: Stamp,
      pinnedAt: Stamp,
      tags: Stamp,
      note: Stamp,
    }),
  ),
});

const BackupSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT, `Not a Paper Queue backup (format is not "${BACKUP_FORMAT}")`),
  version: v.picklist(READABLE_BACKUP_VERSIONS, 'Backup version not supported'),
  exportedAt: v.pipe(
    v.string(),
    v.check((s) => !Number.isNaN(Date.parse(s)), 'Not a date'),
  ),
  papers: v.pipe(v.array(PaperSchema), v.maxLength(MAX_BACKUP_RECORDS, 'Too many papers')),
  marks: v.pipe(v.array(MarkSchema), v.maxLength(MAX_BACKUP_RECORDS, 'Too many marks')),
  // Version 3: the mute and highlight rules, checked as strictly as the library's settings.
  rules: v.optional(RulesSchema),
});

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

export function tooLarge(text: string): string | null {
  return text.length > MAX_IMPORT_BYTES
    ? `The file is larger than ${MAX_IMPORT_MEGABYTES} MB: nothing was imported.`
    : null;
}

export function parseBackup(text: string): ParseResult<Backup> {
  const large = tooLarge(text);
  if (large) return { ok: false, error: large };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `Not valid JSON (truncated or damaged?): ${reason}` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: 'Not a Paper Queue backup: expected a JSON object.' };
  }
  // Say "wrong format/version" before listing field errors of a file we cannot read anyway.
  const head = raw as Record<string, unknown>;
  if (head.format !== BACKUP_FORMAT) {
    return { ok: false, error: `Not a Paper Queue backup: format is not "${BACKUP_FORMAT}".` };
  }
  if (!(READABLE_BACKUP_VERSIONS as readonly unknown[]).includes(head.version)) {
    return {
      ok: false,
      error: `Backup version ${JSON.stringify(head.version)} is not supported (this version reads ${READABLE_BACKUP_VERSIONS.slice(0, -1).join(', ')} and ${READABLE_BACKUP_VERSIONS.at(-1)}).`,
    };
  }
  const result = v.safeParse(BackupSchema, raw, { abortPipeEarly: true });
  if (!result.success) {
    const first = result.issues[0];
    return { ok: false, error: `${issuePath(first) || 'backup'}: ${first.message}` };
  }
  const missingClock =
    result.output.version >= 2 ? result.output.marks.findIndex((m) => !m.clock) : -1;
  if (missingClock >= 0) {
    return {
      ok: false,
      error: `marks[${missingClock}].clock: Missing (version 2 backups have it)`,
    };
  }
  const duplicate = firstDuplicate(result.output);
  if (duplicate) return { ok: false, error: duplicate };
  return { ok: true, value: result.output as Backup };
}

/** `marks[3].savedAt` for an issue at marks → 3 → savedAt. */
function issuePath(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    path += typeof key === 'number' ? `[${key}]` : path ? `.${String(key)}` : String(key);
  }
  return path;
}

function firstDuplicate(backup: { papers: { id: string }[]; marks: { id: string }[] }) {
  for (const table of ['papers', 'marks'] as const) {
    const seen = new Map<string, number>();
    for (const [i, record] of backup[table].entries()) {
      const earlier = seen.get(record.id);
      if (earlier !== undefined) {
        return `${table}[${i}].id: ${record.id} appears twice (also at ${table}[${earlier}])`;
      }
      seen.set(record.id, i);
    }
  }
  return null;
}
