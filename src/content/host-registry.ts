/**
 * Which control hosts show which paper on the current view. All copies of a card (and the
 * same paper listed twice) are hosts of one id, so they always show the same state.
 */
import { HOST_ATTRIBUTE } from './controls';

export class HostRegistry {
  private readonly hostsById = new Map<string, Set<HTMLElement>>();

  add(id: string, host: HTMLElement): void {
    let hosts = this.hostsById.get(id);
    if (!hosts) {
      hosts = new Set();
      this.hostsById.set(id, hosts);
    }
    hosts.add(host);
  }

  /** Whether `node` is a control host of this view (not one an earlier script left). */
  holds(node: Element): boolean {
    const id = node.getAttribute(HOST_ATTRIBUTE);
    return id !== null && this.hostsById.get(id)?.has(node as HTMLElement) === true;
  }

  has(id: string): boolean {
    return this.hostsById.has(id);
  }

  /** Distinct papers with controls on the page. */
  paperCount(): number {
    return this.hostsById.size;
  }

  /** Hosts of a paper still in the document; forgets hosts the page removed. */
  hostsFor(id: string): HTMLElement[] {
    const hosts = this.hostsById.get(id);
    if (!hosts) return [];
    for (const host of hosts) if (!host.isConnected) hosts.delete(host);
    return [...hosts];
  }

  /** Ids of the papers with controls on the page, in the order they were first seen. */
  ids(): string[] {
    return [...this.hostsById.keys()];
  }

  allHosts(): HTMLElement[] {
    return [...this.hostsById.keys()].flatMap((id) => this.hostsFor(id));
  }

  /** Forgets papers none of whose hosts are in the document any more. */
  prune(): void {
    for (const id of [...this.hostsById.keys()]) {
      if (this.hostsFor(id).length === 0) this.hostsById.delete(id);
    }
  }

  /** Removes every host from the page. */
  clear(): void {
    for (const host of this.allHosts()) host.remove();
    this.hostsById.clear();
  }
}
