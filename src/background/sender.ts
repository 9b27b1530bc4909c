/**
 * Who may talk to the background: this extension's own pages, and its content scripts
 * running in https://huggingface.co frames. Everything else is refused before parsing.
 */
import { isSiteUrl } from '../site/huggingface/urls';

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { url?: string };
}

/** Why this sender is refused, or null when it may send requests. */
export function senderProblem(sender: SenderInfo, extensionId: string, extensionOrigin: string) {
  if (sender.id !== extensionId) return 'Refused: message from another extension';
  const url = sender.url ?? sender.tab?.url;
  if (url?.startsWith(extensionOrigin)) return null;
  if (sender.tab && isSiteUrl(url)) return null;
  return 'Refused: message from a page other than huggingface.co';
}
