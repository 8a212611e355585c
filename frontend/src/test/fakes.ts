import type { MetricsEvent, Overview, OverviewRange } from '../api/overview';
import type { MetricsChannelHandlers, OpenMetricsChannel, Timers } from '../live/overviewFeed';
import { PANEL_NAMES, type MetricsPanelsData, type PanelLoaders, type PanelName, type PanelsQuery } from '../live/metricsPanelsFeed';
import { makePanelsData } from './riskFixture';

/** Timers that only fire when the test says so. */
export class ManualTimers implements Timers {
  private nextId = 1;
  private readonly waiting = new Map<number, { callback: () => void; ms: number }>();

  setTimeout = (callback: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.waiting.set(id, { callback, ms });
    return id;
  };

  clearTimeout = (handle: unknown): void => {
    this.waiting.delete(handle as number);
  };

  /** Delays of the timers still waiting, in the order they were set. */
  delays(): number[] {
    return [...this.waiting.values()].map((timer) => timer.ms);
  }

  /** Fires every waiting timer set for `ms`; returns how many fired. */
  fire(ms: number): number {
    const due = [...this.waiting].filter(([, timer]) => timer.ms === ms);
    for (const [id, timer] of due) {
      this.waiting.delete(id);
      timer.callback();
    }
    return due.length;
  }
}

/** A push channel the test drives: connect, disconnect, push. */
export class FakeChannel {
  private handlers: MetricsChannelHandlers | null = null;
  closed = false;

  open: OpenMetricsChannel = (handlers) => {
    this.handlers = handlers;
    return { close: () => void (this.closed = true) };
  };

  connect(): void {
    this.current().onConnect();
  }

  disconnect(): void {
    this.current().onDisconnect();
  }

  push(overview: Overview, version = overview.version): void {
    const event: MetricsEvent = { version, dataAsOf: overview.dataAsOf, overview };
    this.current().onMetrics(event);
  }

  private current(): MetricsChannelHandlers {
    if (!this.handlers) throw new Error('channel not opened');
    return this.handlers;
  }
}

interface PendingFetch {
  /** The range asked for; null = the server's default. */
  range: OverviewRange | null;
  resolve: (overview: Overview) => void;
  reject: (error: Error) => void;
  aborted: boolean;
}

/** A fetch whose every call waits until the test answers it. */
export class ScriptedFetch {
  readonly calls: PendingFetch[] = [];

  fetch = (range: OverviewRange | null, signal: AbortSignal): Promise<Overview> =>
    new Promise<Overview>((resolve, reject) => {
      const call: PendingFetch = { range, resolve, reject, aborted: false };
      signal.addEventListener('abort', () => {
        call.aborted = true;
        reject(new DOMException('The operation was aborted.', 'AbortError'));
      });
      this.calls.push(call);
    });

  get last(): PendingFetch {
    const call = this.calls[this.calls.length - 1];
    if (!call) throw new Error('no fetch made');
    return call;
  }
}

interface PendingRequest {
  url: string;
  /** Answers with a status and a JSON body. */
  respond: (status: number, body: unknown) => void;
  aborted: boolean;
}

/** The browser's fetch, answered by the test: for code that builds real URLs. */
export class ScriptedHttp {
  readonly requests: PendingRequest[] = [];

  fetchImpl = ((input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const request: PendingRequest = {
        url: String(input),
        aborted: false,
        // Just what fetchOverview reads; jsdom has no Response.
        respond: (status, body) => resolve({ ok: status >= 200 && status < 300, status, statusText: '', json: async () => body } as Response),
      };
      init?.signal?.addEventListener('abort', () => {
        request.aborted = true;
        reject(new DOMException('The operation was aborted.', 'AbortError'));
      });
      this.requests.push(request);
    })) as typeof fetch;

  get urls(): string[] {
    return this.requests.map((request) => request.url);
  }

  get last(): PendingRequest {
    const request = this.requests[this.requests.length - 1];
    if (!request) throw new Error('no request made');
    return request;
  }
}

interface PendingLoad {
  panel: PanelName;
  query: PanelsQuery;
  resolve: (data: unknown) => void;
  reject: (error: Error) => void;
  aborted: boolean;
}

/** The risk and resource panels' endpoints, each call waiting until the test answers it. */
export class ScriptedLoaders {
  readonly calls: PendingLoad[] = [];

  readonly loaders: PanelLoaders = Object.fromEntries(
    PANEL_NAMES.map((panel) => [
      panel,
      (query: PanelsQuery, signal: AbortSignal) =>
        new Promise<unknown>((resolve, reject) => {
          const call: PendingLoad = { panel, query, resolve, reject, aborted: false };
          signal.addEventListener('abort', () => {
            call.aborted = true;
            reject(new DOMException('The operation was aborted.', 'AbortError'));
          });
          this.calls.push(call);
        }),
    ]),
  ) as unknown as PanelLoaders;

  callsOf(panel: PanelName): PendingLoad[] {
    return this.calls.filter((call) => call.panel === panel);
  }

  lastOf(panel: PanelName): PendingLoad {
    const call = this.callsOf(panel).at(-1);
    if (!call) throw new Error(`no ${panel} load made`);
    return call;
  }

  /** The calls not yet answered or abandoned. */
  pending(): PendingLoad[] {
    return this.calls.filter((call) => !call.aborted && !this.answered.has(call));
  }

  private readonly answered = new Set<PendingLoad>();

  /** Answers every pending call with the fixture (or `data`'s entry for its panel). */
  resolveAll(data: Partial<MetricsPanelsData> = {}): void {
    const fixture = { ...makePanelsData(), ...data };
    for (const call of this.pending()) {
      this.answered.add(call);
      call.resolve(fixture[call.panel]);
    }
  }

  rejectAll(error: Error): void {
    for (const call of this.pending()) {
      this.answered.add(call);
      call.reject(error);
    }
  }
}

/** Endpoints that answer at once with the fixtures: for tests about something else. */
export function fixtureLoaders(data: Partial<MetricsPanelsData> = {}): PanelLoaders {
  const fixture = { ...makePanelsData(), ...data };
  return Object.fromEntries(PANEL_NAMES.map((panel) => [panel, async () => fixture[panel]])) as unknown as PanelLoaders;
}

/** Lets pending promise callbacks (a resolved fetch) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}
