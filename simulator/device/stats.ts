/**
 * What a device served, counted per protocol: the control API lists these per device and its
 * Prometheus metrics sum them by platform and protocol. Counting costs a few additions; a fleet
 * that runs a telemetry sink (the control API's metrics) is told of each event as well.
 */
import type { Platform } from '../topology/kinds/index.js';

export const PROTOCOLS = ['ssh', 'netconf', 'rest'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export interface ProtocolCounters {
  /** Sessions open now: SSH shell/exec channels, NETCONF sessions, REST connections. */
  sessions: number;
  /** Successful logins (REST: authenticated requests). */
  logins: number;
  authFailures: number;
  /** Commands answered (REST: one per command a request ran; NETCONF: one per RPC). */
  commands: number;
  bytesSent: number;
}

/** The fleet-wide observer of what devices serve (the control API's metrics). */
export interface Telemetry {
  login(platform: Platform, protocol: Protocol): void;
  authFailure(platform: Platform, protocol: Protocol): void;
  /** A command answered, `seconds` from its arrival to its answer being handed to the transport. */
  command(platform: Platform, protocol: Protocol, seconds: number): void;
  bytes(platform: Platform, protocol: Protocol, count: number): void;
}

export class DeviceStats {
  private readonly counters: Partial<Record<Protocol, ProtocolCounters>> = {};

  constructor(
    private readonly platform: Platform,
    private readonly telemetry?: Telemetry,
  ) {}

  /** This protocol's counters (all zero before its first event). */
  of(protocol: Protocol): ProtocolCounters {
    return (this.counters[protocol] ??= {
      sessions: 0,
      logins: 0,
      authFailures: 0,
      commands: 0,
      bytesSent: 0,
    });
  }

  /** Every protocol that has counted something. */
  entries(): Array<[Protocol, ProtocolCounters]> {
    return PROTOCOLS.flatMap((p) =>
      this.counters[p] ? [[p, this.counters[p]] as [Protocol, ProtocolCounters]] : [],
    );
  }

  login(protocol: Protocol): void {
    this.of(protocol).logins++;
    this.telemetry?.login(this.platform, protocol);
  }

  authFailure(protocol: Protocol): void {
    this.of(protocol).authFailures++;
    this.telemetry?.authFailure(this.platform, protocol);
  }

  command(protocol: Protocol, seconds: number): void {
    this.of(protocol).commands++;
    this.telemetry?.command(this.platform, protocol, seconds);
  }

  bytes(protocol: Protocol, count: number): void {
    this.of(protocol).bytesSent += count;
    this.telemetry?.bytes(this.platform, protocol, count);
  }

  /** A session opened (+1) or closed (-1). */
  session(protocol: Protocol, delta: 1 | -1): void {
    this.of(protocol).sessions += delta;
  }
}
