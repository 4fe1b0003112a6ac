/** The YANG modules this RESTCONF server serves: XML namespaces and the CLI each one amounts to. */

const NAMESPACES: Readonly<Record<string, string>> = {
  'ietf-restconf': 'urn:ietf:params:xml:ns:yang:ietf-restconf',
  'ietf-interfaces': 'urn:ietf:params:xml:ns:yang:ietf-interfaces',
  'ietf-ip': 'urn:ietf:params:xml:ns:yang:ietf-ip',
  'iana-if-type': 'urn:ietf:params:xml:ns:yang:iana-if-type',
  'openconfig-lldp': 'http://openconfig.net/yang/lldp',
  'openconfig-lldp-types': 'http://openconfig.net/yang/lldp/types',
};

/** The namespace of a module: Cisco's own live under http://cisco.com/ns/yang/. */
export function namespaceOf(module: string): string {
  return NAMESPACES[module] ?? `http://cisco.com/ns/yang/${module}`;
}

/** The prefix an identity's module takes in XML (`ianaift:ethernetCsmacd`). */
const PREFIXES: Readonly<Record<string, string>> = {
  'iana-if-type': 'ianaift',
  'openconfig-lldp-types': 'oc-lldp-types',
};

export const prefixOf = (module: string): string => PREFIXES[module] ?? module;

/**
 * The CLI command each module's data comes from, spelled out: what a request costs and what a
 * topology latency override keyed by command also slows down. Interfaces map to `show ip
 * interface brief`, the interface table the IOS personality has; the native configuration to
 * `show running-config`.
 */
const COMMANDS: Readonly<Record<string, string>> = {
  'Cisco-IOS-XE-cdp-oper': 'show cdp neighbors detail',
  'Cisco-IOS-XE-lldp-oper': 'show lldp neighbors detail',
  'openconfig-lldp': 'show lldp neighbors detail',
  'Cisco-IOS-XE-arp-oper': 'show ip arp',
  'Cisco-IOS-XE-memory-oper': 'show memory statistics',
  'Cisco-IOS-XE-platform-software-oper': 'show platform software status control-processor brief',
  'Cisco-IOS-XE-device-hardware-oper': 'show version',
  'Cisco-IOS-XE-native': 'show running-config',
  'ietf-interfaces': 'show ip interface brief',
  'Cisco-IOS-XE-interfaces-oper': 'show ip interface brief',
};

/** The commands behind data of these top-level modules, each once. */
export function commandsFor(modules: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const module of modules) {
    const command = COMMANDS[module];
    if (command) out.add(command);
  }
  return [...out];
}
