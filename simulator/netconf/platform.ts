/**
 * What a platform tells the NETCONF session: its hello, which datastores and filters it has, its
 * data as XML (from the same device state the CLI and REST read), how a `<config>` edits its
 * configuration, and the RPCs of its own (Junos's operational RPCs). The session (session.ts)
 * does the protocol; a platform only answers in its own vocabulary.
 */
import type { DeviceConfig, RenderContext } from '../device/render-context.js';
import type { DeviceRuntime } from '../device/runtime.js';
import type { RpcError } from './errors.js';
import type { Wanted } from './filter.js';
import type { XmlElement } from './xml.js';

export type EditOperation = 'merge' | 'replace' | 'create' | 'delete' | 'remove';
export type DefaultOperation = 'merge' | 'replace' | 'none';

export interface EditRequest {
  /** The `<config>` element's children: top-level nodes of the platform's models. */
  nodes: readonly XmlElement[];
  defaultOperation: DefaultOperation;
  /** The device as it is now (interface names, platform facts) to check the edit against. */
  ctx: RenderContext;
}

/** What a vendor RPC runs with. */
export interface VendorCall {
  /** The operation element (`<get-software-information>`), its parameters as children. */
  operation: XmlElement;
  device: DeviceRuntime;
  /** The device's render context at this moment. */
  ctx: RenderContext;
  session: { id: number; user: string };
}

/**
 * `reply`: the rpc-reply's children (or, with `text`, the reply's text content: Junos's
 * `format="json"` answers); `ok`: `<ok/>`; `errors`: one rpc-error each.
 */
export type RpcOutcome = { reply: XmlElement[]; text?: string } | { ok: true } | { errors: RpcError[] };

export interface VendorRpc {
  /** The CLI command the RPC amounts to, spelled out: its latency is that command's. */
  command(operation: XmlElement): string;
  run(call: VendorCall): RpcOutcome;
}

export interface NetconfPlatform {
  /**
   * Every capability URI the box's hello lists, base ones first (`urn:ietf:params:netconf:base:1.0`,
   * `…:base:1.1` where it speaks it), YANG modules with `?module=…&revision=…`.
   */
  capabilities(ctx: RenderContext): readonly string[];
  /** Text the box sends before its `<hello>` (Junos: two XML comments); absent for none. */
  greeting?(ctx: RenderContext, user: string): string;
  /** Whether messages start with `<?xml version="1.0" encoding="UTF-8"?>`. */
  xmlDeclaration: boolean;
  /** The datastores besides running (`:candidate`, `:startup`). */
  datastores: ReadonlyArray<'candidate' | 'startup'>;
  /** edit-config may target running (`:writable-running`). */
  writableRunning: boolean;
  /** `<filter type="xpath">` is served (`:xpath`). */
  xpath: boolean;
  /**
   * Top-level elements `<get>` answers: configuration and state. With `wanted` (the filter's
   * top-level nodes) only the trees the filter can select need be built (filter.ts `wantsTop`,
   * `wantedChildren`): the filtered reply must be the same as from every tree.
   */
  state(ctx: RenderContext, wanted?: Wanted): XmlElement[];
  /** Top-level elements `<get-config>` answers for `ctx.config` (running, or the candidate's copy). */
  config(ctx: RenderContext, wanted?: Wanted): XmlElement[];
  /** Applies an edit to `target` (a copy: the session keeps it only when nothing failed). */
  edit(target: DeviceConfig, request: EditRequest): RpcError | undefined;
  /**
   * The CLI command a `get`/`get-config` amounts to, for latency: from the top-level element names
   * the filter selects (all of them when there is no filter).
   */
  commandFor(operation: 'get' | 'get-config', selected: readonly string[]): string;
  /** RPCs of the platform's own, by element name. */
  rpcs?: Readonly<Record<string, VendorRpc>>;
  /** Attributes every `<rpc-reply>` carries besides the rpc's own (Junos: `xmlns:junos`). */
  replyAttributes?(ctx: RenderContext): ReadonlyArray<readonly [string, string]>;
  /** An RPC this box does not know, in its own words (Junos: `syntax error` naming it). */
  unknownRpc?(name: string): RpcError;
}
