/**
 * Which cards and control hosts show which paper on the current view. All copies of a card
 * (and the same paper listed twice) belong to one id, so they always show the same state.
 * Cards are known from document_start; hosts only once the site's scripts have run.
 */
import { HOST_ATTRIBUTE } from './controls';

export class HostRegistry {
  private readonly hostsById = new Map<string, Set<HTMLElement>>();
  private readonly cardsById = new Map<string, Set<Element>>();

  /** A card (what the read filter hides) of paper `id`; true when it is new. */
  addCard(id: string, card: Element): boolean {
    let cards = this.cardsById.get(id);
    if (!cards) {
      cards = new Set();
      this.cardsById.set(id, cards);
    }
    if (cards.has(card)) return false;
    cards.add(card);
    return true;
  }

  /** Cards of a paper still in the document; forgets cards the page removed. */
  cardsFor(id: string): Element[] {
    const cards = this.cardsById.get(id);
    if (!cards) return [];
    for (const card of cards) if (!card.isConnected) cards.delete(card);
    return [...cards];
  }

  /** Whether paper `id` has a card on the page (with or without controls yet). */
  shows(id: string): boolean {
    return this.cardsById.has(id);
  }

  /** Ids of the papers on the page, in the order they were first seen. */
  paperIds(): string[] {
    return [...this.cardsById.keys()];
  }

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

  /** Forgets papers none of whose cards and hosts are in the document any more. */
  prune(): void {
    for (const id of [...this.hostsById.keys()]) {
      if (this.hostsFor(id).length === 0) this.hostsById.delete(id);
    }
    for (const id of [...this.cardsById.keys()]) {
      if (this.cardsFor(id).length === 0) this.cardsById.delete(id);
    }
  }

  /** Removes every host from the page. */
  clear(): void {
    for (const host of this.allHosts()) host.remove();
    this.hostsById.clear();
    this.cardsById.clear();
  }
}
