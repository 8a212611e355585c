/**
 * Runs `task` at most once per `intervalMs`, whatever the rate of `trigger()` calls: the first
 * trigger after a quiet spell runs at once (low latency), later ones fold into one trailing run.
 * A run never overlaps another.
 */
export class Coalescer {
  private lastRun = -Infinity;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private pending = false;

  constructor(
    private readonly intervalMs: number,
    private readonly task: () => Promise<void>,
    private readonly now: () => number = Date.now,
  ) {}

  trigger(): void {
    this.pending = true;
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.running || !this.pending) return;
    const wait = Math.max(0, this.lastRun + this.intervalMs - this.now());
    this.timer = setTimeout(() => void this.run(), wait);
  }

  private async run(): Promise<void> {
    this.timer = undefined;
    this.pending = false;
    this.running = true;
    try {
      await this.task();
    } finally {
      // Measured from the end of a run, so the gap between two deliveries is never shorter.
      this.lastRun = this.now();
      this.running = false;
      this.schedule();
    }
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = false;
  }
}
