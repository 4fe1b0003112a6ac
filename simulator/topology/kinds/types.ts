/** The data a platform kind is made of; a fifth platform is one new file of this shape. */

export type Platform = 'cisco_ios' | 'cisco_nxos' | 'arista_eos' | 'juniper_junos';

/** One interface type of a platform and the names it goes by. */
export interface InterfaceType {
  /** Canonical prefix, e.g. `GigabitEthernet`, `Ethernet`, `ge-`. */
  name: string;
  /** Accepted abbreviations, matched case-insensitively, e.g. `Gi`, `Gig`. */
  aliases: readonly string[];
  /** Short form used in brief tables (`Gi1/0/1`, `Et1`). */
  short: string;
  /** Form used by `show cdp neighbors` (`Gig 1/0/1`: IOS puts a space after it). */
  cdp: string;
  /** Nominal speed, Mb/s. */
  speed: number;
}

/** A hardware model: its ports as patterns with numeric ranges, e.g. `GigabitEthernet1/0/{1-48}`. */
export interface ModelSpec {
  name: string;
  ports: readonly string[];
  /** The out-of-band management interface (not in `ports` unless it can also be cabled). */
  mgmt: string;
  /** Platform string as CDP and `show version` print it, e.g. `cisco C9300-48P`. */
  platform: string;
  /** Processor memory, bytes. */
  memory: number;
  capabilities: readonly string[];
  /** Software lines this model runs; one is picked per device from the seed. */
  versions: readonly string[];
  /** Software image family, e.g. `CAT9K_IOSXE`, `X86_64_LINUX_IOSD-UNIVERSALK9-M`. */
  image: string;
  /** Juniper EX/QFX virtual chassis print `{master:0}` above the prompt. */
  virtualChassis?: boolean;
  /**
   * Left out of `generate random`'s choices: the lab images added for containerlab topologies
   * (cEOSLab, C8000V, …), so that a seed generates the same topology it did before they existed.
   */
  excludeFromRandom?: boolean;
}

/** How a platform names and numbers its LAG interfaces (`Port-channel1`, `ae0`). */
export interface LagSpec {
  /** Canonical name prefix: `Port-channel`, `port-channel`, `Port-Channel`, `ae`. */
  prefix: string;
  /** Short form in brief tables: `Po`, or the full prefix where there is none (`ae`). */
  short: string;
  min: number;
  max: number;
}

export interface ProtocolSupport {
  cdp: boolean;
  lldp: boolean;
  /** What the device runs when the topology does not say. */
  defaults: { cdp: boolean; lldp: boolean };
}

/** A registry entry: everything that differs between platforms, as data. */
export interface KindSpec {
  platform: Platform;
  vendor: string;
  description: string;
  interfaceTypes: readonly InterfaceType[];
  models: readonly ModelSpec[];
  defaultModel: string;
  protocols: ProtocolSupport;
  /** Vendor MAC prefixes (OUIs) that seeded MACs are drawn from. */
  ouis: readonly string[];
  /** Serial number shape: `@` letter, `9` digit, `X` letter or digit, anything else literal. */
  serialPattern: string;
  /** Link aggregation: the aggregate interface's name prefix and the numbers the platform accepts. */
  lag: LagSpec;
  /** The REST API real devices of this platform serve. */
  api: 'restconf' | 'nxapi' | 'eapi' | 'junos-rest';
}
