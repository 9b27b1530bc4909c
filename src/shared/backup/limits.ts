/** How big an import may be. Well above any real queue, well below what strains a browser. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_MEGABYTES = MAX_IMPORT_BYTES / 1024 / 1024;
/** Most records of one kind in a backup. */
export const MAX_BACKUP_RECORDS = 200_000;
// A backup holds what the app can hold: the same limits as the editor and the protocol.
export { MAX_NOTE_LENGTH } from '../limits';
export { MAX_TAG_LENGTH, MAX_TAGS_PER_PAPER as MAX_TAGS } from '../tags';
