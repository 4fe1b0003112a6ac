/**
 * What a device's collection spent its time on, span by span, for timelines (the HTML report's
 * Gantt chart, the demo's page and its text timeline). Times are milliseconds since the run
 * started (`collectAll`'s call), so every device of one run shares one axis.
 */
import { performance } from 'node:perf_hooks';

/**
 * - `connect`: TCP connect, and for SSH the key exchange; for REST the TLS handshake.
 * - `auth`: SSH user authentication (REST sends credentials with each request: no span).
 * - `shell`: SSH shell open until the first prompt (label `shell`), then each session set-up
 *   command (paging off, labelled with it); NETCONF's subsystem and hello exchange (`hello`).
 * - `command`: one command, request or RPC, from sending it to the last byte of its answer.
 * - `retry-wait`: the back-off before another attempt after a connection failure.
 */
export type SpanPhase = 'connect' | 'auth' | 'shell' | 'command' | 'retry-wait';

export const SPAN_PHASES: readonly SpanPhase[] = ['connect', 'auth', 'shell', 'command', 'retry-wait'];

export interface TimelineSpan {
  phase: SpanPhase;
  /**
   * What was done: `show cdp neighbors detail`, `GET /restconf/data/…`, `POST /ins (show …)`,
   * `get (LLDP)`; the phase's name for connect, auth and retry-wait.
   */
  label: string;
  startMs: number;
  endMs: number;
  /** The span ended in the failure that ended the attempt (its error is the result's). */
  failed?: boolean;
}

/**
 * Where one device's spans are written: times read once per span edge (no per-byte work), relative
 * to the run's origin, so thousands of devices cost a few clock reads each.
 */
export interface TimelineRecorder {
  readonly spans: TimelineSpan[];
  /** Milliseconds since the origin. */
  now(): number;
  /** Records a span from `startMs` to now. */
  end(phase: SpanPhase, label: string, startMs: number, failed?: boolean): void;
  /** Runs `work` as one span; a rejection marks it failed and passes on. */
  time<T>(phase: SpanPhase, label: string, work: () => Promise<T>): Promise<T>;
}

/** A recorder whose zero is `originMs` (a `performance.now()` reading: the run's start). */
export function createTimelineRecorder(originMs: number = performance.now()): TimelineRecorder {
  const spans: TimelineSpan[] = [];
  const now = () => round(performance.now() - originMs);
  const end = (phase: SpanPhase, label: string, startMs: number, failed = false) => {
    spans.push({ phase, label, startMs, endMs: Math.max(startMs, now()), ...(failed ? { failed } : {}) });
  };
  return {
    spans,
    now,
    end,
    async time(phase, label, work) {
      const startMs = now();
      try {
        const result = await work();
        end(phase, label, startMs);
        return result;
      } catch (error) {
        end(phase, label, startMs, true);
        throw error;
      }
    },
  };
}

/** Tenths of a millisecond: finer than any span worth drawing, short in the JSON. */
function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
