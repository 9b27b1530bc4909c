export function grantedCopy(dir?: string): { dir: string; remove: () => void };
