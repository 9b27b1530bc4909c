/** How big an import may be. Well above any real queue, well below what strains a browser. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_MEGABYTES = MAX_IMPORT_BYTES / 1024 / 1024;
/** Most records of one kind in a backup. */
export const MAX_BACKUP_RECORDS = 200_000;
export const MAX_NOTE_LENGTH = 20_000;
export const MAX_TAGS = 100;
export const MAX_TAG_LENGTH = 100;
