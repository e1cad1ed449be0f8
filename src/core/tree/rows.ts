/**
 * Bookkeeping of a lazily listed tree's rows (the annotations tree: reveal and getParent look rows
 * up by id). Each listing of a parent's children replaces that parent's previous listing: rows it no
 * longer holds are forgotten, with everything under them, so the map holds what is shown and never
 * only grows. Listings run asynchronously and can finish out of order: each gets a sequence number
 * per parent when it starts, and one that finishes after a newer listing of the same parent has
 * been kept is dropped, so that a late listing cannot bring back gone rows or drop current ones.
 */

export interface Row {
  id: string;
  /** The parent row's id; undefined for a root. */
  parent?: string;
}

const ROOT = '\u0000root';

export class RowBook<R extends Row> {
  /** Each row with the ticket count when it appeared: listings of its children started before that are stale. */
  private readonly rows = new Map<string, { row: R; since: number }>();
  /** Child ids per parent (ROOT for the roots) as last listed. */
  private readonly children = new Map<string, string[]>();
  /** Per parent: the ticket of the listing kept. */
  private readonly kept = new Map<string, number>();
  /** Tickets count up across parents, so per parent they are in the order the listings started. */
  private tickets = 0;
  /** Root listings started before the last `clear` are stale. */
  private rootSince = 0;

  /** Starts a listing of `parent`'s children (undefined: the roots); pass the ticket to `commit`. */
  begin(_parent?: string): number {
    return ++this.tickets;
  }

  /**
   * Keeps a finished listing unless a newer one of the same parent was kept first, or its parent
   * row was forgotten (or appeared anew) after the listing started. Returns whether it was kept.
   */
  commit(parent: string | undefined, ticket: number, listed: readonly R[]): boolean {
    const key = parent ?? ROOT;
    const since = parent === undefined ? this.rootSince : this.rows.get(parent)?.since;
    if (since === undefined || ticket <= since) return false;
    if ((this.kept.get(key) ?? 0) > ticket) return false;
    const ids = new Set(listed.map((r) => r.id));
    for (const old of this.children.get(key) ?? []) {
      if (!ids.has(old) && this.rows.get(old)?.row.parent === parent) this.drop(old);
    }
    for (const r of listed) {
      const before = this.rows.get(r.id);
      if (before && before.row.parent === r.parent) before.row = r;
      else {
        // New, or listed under another parent than before: what was under it is not listed yet.
        if (before) this.dropChildren(r.id);
        this.rows.set(r.id, { row: r, since: this.tickets });
      }
    }
    this.children.set(key, [...ids]);
    this.kept.set(key, ticket);
    return true;
  }

  get(id: string): R | undefined {
    return this.rows.get(id)?.row;
  }

  parentOf(id: string): R | undefined {
    const p = this.rows.get(id)?.row.parent;
    return p === undefined ? undefined : this.rows.get(p)?.row;
  }

  get size(): number {
    return this.rows.size;
  }

  ids(): string[] {
    return [...this.rows.keys()];
  }

  /** Ids listed under a parent (undefined: the roots), in listing order. */
  childIds(parent: string | undefined): string[] {
    return [...(this.children.get(parent ?? ROOT) ?? [])];
  }

  /** Forgets every row (the tree is rebuilt from scratch); listings in flight are not kept. */
  clear(): void {
    this.rows.clear();
    this.children.clear();
    this.kept.clear();
    this.rootSince = this.tickets;
  }

  private drop(id: string): void {
    this.dropChildren(id);
    this.rows.delete(id);
  }

  private dropChildren(id: string): void {
    const kids = this.children.get(id);
    this.children.delete(id);
    this.kept.delete(id);
    for (const k of kids ?? []) if (this.rows.get(k)?.row.parent === id) this.drop(k);
  }
}
