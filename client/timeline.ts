/**
 * What a device's collection spent its time on, span by span, for timelines (the HTML report's
 * Gantt chart, the demo's page and its text timeline). Times are milliseconds since the run
 * started (`collectAll`'s call), so every device of one run shares one axis.
 */

/**
 * - `connect`: TCP connect, and for SSH the key exchange; for REST the TLS handshake.
 * - `auth`: SSH user authentication (REST sends credentials with each request: no span).
 * - `shell`: SSH shell open until the first prompt, and the session set-up commands (paging off);
 *   NETCONF's hello exchange.
 * - `command`: one command, request or RPC, from sending it to the last byte of its answer.
 * - `retry-wait`: the back-off before another attempt after a connection failure.
 */
export type SpanPhase = 'connect' | 'auth' | 'shell' | 'command' | 'retry-wait';

export const SPAN_PHASES: readonly SpanPhase[] = ['connect', 'auth', 'shell', 'command', 'retry-wait'];

export interface TimelineSpan {
  phase: SpanPhase;
  /** What was done: `show cdp neighbors detail`, `GET /restconf/data/…`, `get (LLDP)`; the phase for others. */
  label: string;
  startMs: number;
  endMs: number;
  /** The span ended in the failure that ended the attempt (its error is the result's). */
  failed?: boolean;
}
