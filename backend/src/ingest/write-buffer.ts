/**
 * Collects rows from many jobs and writes them in few inserts: a flush starts when the buffer
 * holds `maxRows`, when `intervalMs` has passed since the last flush started (at once after a
 * quiet spell, so a lone batch is not held back), and at shutdown. Flushes never overlap.
 * Each `add` resolves once its rows were written, or rejects with the flush's error, so a
 * job is acknowledged only after its rows are durable.
 */
export class WriteBuffer<Item, Result> {
  private pending: Array<{ item: Item; rows: number; resolve: (r: Result) => void; reject: (e: unknown) => void }> = [];
  private pendingRows = 0;
  private flushing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastFlushStart = -Infinity;

  constructor(
    /** Writes a group of items in one go; returns one result per item, in order. */
    private readonly write: (items: Item[]) => Promise<Result[]>,
    private readonly options: { maxRows: number; intervalMs: number },
    /** How many rows an item counts for. */
    private readonly sizeOf: (item: Item) => number,
    private readonly now: () => number = Date.now,
  ) {}

  add(item: Item): Promise<Result> {
    const rows = this.sizeOf(item);
    return new Promise<Result>((resolve, reject) => {
      this.pending.push({ item, rows, resolve, reject });
      this.pendingRows += rows;
      this.schedule();
    });
  }

  /** Writes whatever is pending and waits for it. */
  async drain(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.flushing || this.pending.length > 0) {
      if (this.flushing) await this.flushing.catch(() => undefined);
      else this.flush();
    }
  }

  private schedule(): void {
    if (this.flushing || this.pending.length === 0) return;
    if (this.pendingRows >= this.options.maxRows) return this.flush();
    if (this.timer) return;
    const wait = Math.max(0, this.lastFlushStart + this.options.intervalMs - this.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    // Take whole items up to maxRows (at least one, however large).
    const taken: typeof this.pending = [];
    let rows = 0;
    while (this.pending.length > 0 && (taken.length === 0 || rows + this.pending[0]!.rows <= this.options.maxRows)) {
      const next = this.pending.shift()!;
      rows += next.rows;
      taken.push(next);
    }
    this.pendingRows -= rows;
    this.lastFlushStart = this.now();
    this.flushing = this.write(taken.map((t) => t.item)).then(
      (results) => taken.forEach((t, i) => t.resolve(results[i]!)),
      (error) => taken.forEach((t) => t.reject(error)),
    ).finally(() => {
      this.flushing = undefined;
      this.schedule();
    });
  }
}
