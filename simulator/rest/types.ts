/**
 * The REST side of a device: one pure handler per platform API (RESTCONF, NX-API, eAPI, Junos
 * REST). The server owns sockets, TLS, credentials and latency; an API only turns a request into
 * the reply the real box would give, from the same device state the CLI renders.
 */
import type { DeviceRuntime } from '../device/runtime.js';
import type { KindSpec } from '../topology/kinds/types.js';

export type RestApiName = KindSpec['api'];

export interface ApiRequest {
  /** Upper case: `GET`, `POST`. */
  method: string;
  /** The path as sent, percent-encoding intact, without the query. */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case; repeated headers joined with `, `. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The raw body; empty when there is none. */
  body: Buffer;
  /** The authenticated user (the server has already checked the credentials). */
  user: string;
  /** Largest reply the API may build, bytes (`RestLimits.replyLimit` when absent). */
  replyLimit?: number;
}

export interface ApiReply {
  status: number;
  /** `content-type` at least, when there is a body. */
  headers: Record<string, string>;
  body: string;
  /**
   * The CLI commands this request amounts to, spelled out (`show cdp neighbors detail`): each
   * costs the device's per-command latency, so topology overrides apply to REST as well. Empty:
   * one default command latency.
   */
  commands: readonly string[];
}

/**
 * Why the HTTP layer refused a request: before the API could read it, or (`reply-too-large`) after
 * the API built an answer over the reply limit. `unavailable`: the box has no session left for it
 * (the `vty-full` fault), refused by its front-end web server before credentials are checked.
 */
export type RefusalReason =
  'unauthorized' | 'body-too-large' | 'bad-request' | 'reply-too-large' | 'unavailable';

export interface RestApi {
  name: RestApiName;
  /**
   * The reply to `request`. An API that runs many commands in one request answers asynchronously,
   * giving the event loop back between commands (pace.ts); one whose fleet stopped meanwhile stops
   * running commands, and the server sends nothing.
   */
  handle(request: ApiRequest, device: DeviceRuntime): ApiReply | Promise<ApiReply>;
  /** The platform's own answer to a refused request (401 without or with wrong credentials, 413 …). */
  refuse(reason: RefusalReason, request: Omit<ApiRequest, 'user' | 'body'>, device: DeviceRuntime): ApiReply;
}
