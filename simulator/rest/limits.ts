/**
 * What one REST client may hold of the fleet: deadlines, connections, requests in flight and reply
 * bytes. One event loop serves every device, so each resource a request can grow is bounded here,
 * with the value a real box (or its nginx/lighttpd front end) uses where one is known.
 */

export interface RestLimits {
  /** Largest request body accepted, bytes (413 beyond). */
  bodyLimit: number;
  /**
   * Largest reply built, bytes. NX-API stops at 10 MB ("Response size stopped processing because it
   * exceeded the maximum message size. The maximum is 10 MB.", Cisco's table of NX-API response
   * codes); labfleet holds every API to the same figure, and stops building once it is reached.
   */
  replyLimit: number;
  /** All request headers must arrive within this, ms (nginx `client_header_timeout`, 60 s). */
  headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this, ms (header + nginx's 60 s body timeout). */
  requestTimeoutMs: number;
  /** An idle keep-alive connection stays open this long, ms (nginx `keepalive_timeout`, 75 s). */
  keepAliveTimeoutMs: number;
  /** A connection silent this long is closed, ms, whatever it is doing (before its first byte, or a stalled write). */
  idleTimeoutMs: number;
  /** TLS handshakes must finish within this, ms. */
  handshakeTimeoutMs: number;
  /**
   * A request the device never answers (the `command-hang` fault) is closed after this, ms. Ten
   * minutes: past NX-API's 300 s VSH limit and any client's usual read timeout (pyeapi 60 s,
   * requests none, Ansible's httpapi 30 s), so the client's deadline is what a hung device meets.
   */
  hungRequestMs: number;
  /** Requests served on one connection before it is closed (nginx `keepalive_requests`, 1000). */
  maxRequestsPerSocket: number;
  /**
   * Requests one connection may have waiting (pipelined) while an earlier answer is still unsent.
   * Answers go out one at a time; a client past this is disconnected.
   */
  maxPipelined: number;
  /** Open connections per device; later ones are closed at once (nginx `worker_connections` is of this order). */
  maxConnectionsPerDevice: number;
  /**
   * Reply bytes the whole fleet holds written but not yet taken by clients. A request answered past
   * it is dropped, as an out-of-buffers box drops it. Replies being built (a many-command request
   * gives the event loop back between commands, pace.ts) hold at most `replyLimit` each on top.
   */
  maxUnsentReplyBytes: number;
}

export const DEFAULT_REST_LIMITS: Readonly<RestLimits> = {
  bodyLimit: 1024 * 1024,
  replyLimit: 10 * 1000 * 1000,
  headersTimeoutMs: 60_000,
  requestTimeoutMs: 120_000,
  keepAliveTimeoutMs: 75_000,
  idleTimeoutMs: 60_000,
  handshakeTimeoutMs: 60_000,
  hungRequestMs: 600_000,
  maxRequestsPerSocket: 1000,
  maxPipelined: 16,
  maxConnectionsPerDevice: 256,
  maxUnsentReplyBytes: 256 * 1024 * 1024,
};

/**
 * Commands (or RPCs) one request may carry, per API, checked before any runs:
 * - NX-API: at most 10 show commands in a row, the box's own limit (response code 413 "Maximum
 *   number of consecutive show commands exceeded. The maximum is 10.").
 * - eAPI: EOS documents no limit; labfleet takes 1,000 commands, far above what pyeapi or Ansible
 *   send (a configuration push is a few hundred lines), and a bound on the CPU one request takes
 *   (about 1 ms per `show running-config all`).
 * - Junos REST: no documented limit either; labfleet takes 100 RPCs in one `POST /rpc` (PyEZ and
 *   Ansible send one RPC per request).
 * - RESTCONF addresses one resource per request; the reply limit bounds it.
 */
export const COMMAND_LIMITS = {
  nxapiShows: 10,
  eapi: 1000,
  junosRpcs: 100,
} as const;

/** Room kept for the envelope around the counted parts (JSON-RPC, ins_api, multipart framing). */
const ENVELOPE_BYTES = 4096;

/**
 * Counts a reply's bytes as it is built: `spend` turns false once the parts pass `limit` less room
 * for their envelope, so building stops there and the answer stays under the limit.
 */
export function replyBudget(limit: number = DEFAULT_REST_LIMITS.replyLimit): {
  spend(bytes: number): boolean;
} {
  const room = Math.max(0, limit - ENVELOPE_BYTES);
  let used = 0;
  return { spend: (bytes) => (used += bytes) <= room };
}
