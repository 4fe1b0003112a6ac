/**
 * IOS-XE's `<hello>` per release train, as data: the protocol capabilities each train lists, then
 * the YANG modules this simulator serves with the revision that train ships. Taken from the
 * capability files Cisco publishes with each release (YangModels/yang vendor/cisco/xe/<release>/
 * capability-*.xml: 16121 csr1k, 1731 csr1k, 1761 c8000v, 1791 cat9500, 17121 cat9300/c8000v).
 * A subset of the box's list: only what is served here. `:candidate` and `:partial-lock` are left
 * out — the candidate datastore is a feature the box ships off, and partial-lock is not served.
 * 17.12's published files leave the Cisco-IOS-XE modules out, so its hello names them without a
 * revision (RFC 6020 §5.6.4 makes the revision optional), never with a guessed one.
 */
import { createHash } from 'node:crypto';
import { BASE_1_0, BASE_1_1 } from '../session.js';

const CAP = 'urn:ietf:params:netconf:capability';
const CISCO = 'http://cisco.com/ns/yang';
const IETF = 'urn:ietf:params:xml:ns:yang';

interface Train {
  /** Protocol capabilities after base:1.0/1.1, in the box's order; `{module-set-id}` is filled in. */
  protocol: readonly string[];
  /** Module capabilities (namespace?module=…&revision=…), in the box's (sorted) order. */
  modules: readonly string[];
}

const PROTOCOL_16 = [
  `${CAP}:writable-running:1.0`,
  `${CAP}:xpath:1.0`,
  `${CAP}:validate:1.0`,
  `${CAP}:validate:1.1`,
  `${CAP}:rollback-on-error:1.0`,
  `${CAP}:notification:1.0`,
  `${CAP}:interleave:1.0`,
  `${CAP}:with-defaults:1.0?basic-mode=explicit&also-supported=report-all-tagged`,
  `${CAP}:yang-library:1.0?revision=2016-06-21&module-set-id={module-set-id}`,
];

const PROTOCOL_17 = [
  `${CAP}:writable-running:1.0`,
  `${CAP}:rollback-on-error:1.0`,
  `${CAP}:validate:1.0`,
  `${CAP}:validate:1.1`,
  `${CAP}:xpath:1.0`,
  `${CAP}:notification:1.0`,
  `${CAP}:interleave:1.0`,
  `${CAP}:with-defaults:1.0?basic-mode=explicit&also-supported=report-all-tagged,report-all`,
];

const PROTOCOL_17_3 = [
  ...PROTOCOL_17,
  `${CAP}:yang-library:1.0?revision=2016-06-21&module-set-id={module-set-id}`,
];

/** 17.9 on: operational defaults and the RFC 8525 yang-library alongside RFC 7895's. */
const PROTOCOL_17_9 = [
  ...PROTOCOL_17,
  `${CAP}:with-operational-defaults:1.0?basic-mode=explicit&also-supported=report-all-tagged,report-all`,
  `${CAP}:yang-library:1.0?revision=2019-01-04&module-set-id={module-set-id}`,
  `${CAP}:yang-library:1.1?revision=2019-01-04&content-id={module-set-id}`,
];

const cisco = (module: string, revision: string | undefined) =>
  `${CISCO}/${module}?module=${module}${revision ? `&revision=${revision}` : ''}`;

/** The Cisco-IOS-XE modules served, by revision per train (the native module's deviations left out: they differ per platform). */
function ciscoModules(revisions: {
  arp: string;
  cdp: string;
  hardware: string;
  interfaces: string;
  lldp: string;
  memory: string;
  native: string;
  platformSoftware: string;
}): string[] {
  return [
    cisco('Cisco-IOS-XE-arp-oper', revisions.arp),
    cisco('Cisco-IOS-XE-cdp-oper', revisions.cdp),
    cisco('Cisco-IOS-XE-device-hardware-oper', revisions.hardware),
    cisco('Cisco-IOS-XE-interfaces-oper', revisions.interfaces),
    cisco('Cisco-IOS-XE-lldp-oper', revisions.lldp),
    cisco('Cisco-IOS-XE-memory-oper', revisions.memory),
    cisco('Cisco-IOS-XE-native', revisions.native),
    cisco('Cisco-IOS-XE-platform-software-oper', revisions.platformSoftware),
  ];
}

const LLDP_DEVIATION =
  'http://cisco.com/ns/cisco-xe-openconfig-lldp-deviation?module=cisco-xe-openconfig-lldp-deviation&revision=2018-07-25';
const IP_DEVIATION =
  'http://cisco.com/ns/cisco-xe-ietf-ip-deviation?module=cisco-xe-ietf-ip-deviation&revision=2016-08-10';
const LLDP_TYPES = 'http://openconfig.net/yang/lldp/types?module=openconfig-lldp-types&revision=2016-05-16';
const OC_LLDP_2018 =
  'http://openconfig.net/yang/lldp?module=openconfig-lldp&revision=2018-11-21&deviations=cisco-xe-openconfig-lldp-deviation';
const IANA_IF_TYPE = `${IETF}:iana-if-type?module=iana-if-type&revision=2014-05-08`;
const IETF_IP = `${IETF}:ietf-ip?module=ietf-ip&revision=2014-06-16&features=ipv6-privacy-autoconf,ipv4-non-contiguous-netmasks&deviations=cisco-xe-ietf-ip-deviation`;
const MONITORING = `${IETF}:ietf-netconf-monitoring?module=ietf-netconf-monitoring&revision=2010-10-04`;
const IF_FEATURES = 'features=pre-provisioning,if-mib,arbitrary-names';
const IETF_INTERFACES_17 = `${IETF}:ietf-interfaces?module=ietf-interfaces&revision=2014-05-08&${IF_FEATURES}&deviations=cisco-xe-ietf-ip-deviation`;

/** The IETF and OpenConfig modules 17.x serves alike (same revisions in 17.3 and 17.12). */
const OPEN_17 = (yangLibrary: string) => [
  OC_LLDP_2018,
  LLDP_TYPES,
  IANA_IF_TYPE,
  IETF_INTERFACES_17,
  IETF_IP,
  MONITORING,
  `${IETF}:ietf-yang-library?module=ietf-yang-library&revision=${yangLibrary}`,
];

const TRAINS: Readonly<Record<string, Train>> = {
  '16.12': {
    protocol: PROTOCOL_16,
    modules: [
      IP_DEVIATION,
      LLDP_DEVIATION,
      ...ciscoModules({
        arp: '2019-05-01',
        cdp: '2019-05-01',
        hardware: '2019-03-28',
        interfaces: '2019-05-01',
        lldp: '2019-05-01',
        memory: '2019-05-01',
        native: '2019-07-01',
        platformSoftware: '2019-05-01',
      }),
      'http://openconfig.net/yang/lldp?module=openconfig-lldp&revision=2016-05-16&deviations=cisco-xe-openconfig-lldp-deviation',
      LLDP_TYPES,
      IANA_IF_TYPE,
      `${IETF}:ietf-interfaces?module=ietf-interfaces&revision=2014-05-08&${IF_FEATURES}`,
      IETF_IP,
      MONITORING,
      `${IETF}:ietf-yang-library?module=ietf-yang-library&revision=2016-06-21`,
    ],
  },
  '17.3': {
    protocol: PROTOCOL_17_3,
    modules: [
      IP_DEVIATION,
      LLDP_DEVIATION,
      ...ciscoModules({
        arp: '2019-05-01',
        cdp: '2019-05-01',
        hardware: '2020-07-01',
        interfaces: '2020-07-01',
        lldp: '2020-07-01',
        memory: '2019-05-01',
        native: '2020-07-01',
        platformSoftware: '2019-05-01',
      }),
      ...OPEN_17('2016-06-21'),
    ],
  },
  '17.6': {
    protocol: PROTOCOL_17_3,
    modules: [
      IP_DEVIATION,
      LLDP_DEVIATION,
      ...ciscoModules({
        arp: '2021-07-01',
        cdp: '2019-05-01',
        hardware: '2021-03-01',
        interfaces: '2021-03-01',
        lldp: '2020-07-01',
        memory: '2019-05-01',
        native: '2021-07-01',
        platformSoftware: '2021-03-01',
      }),
      ...OPEN_17('2016-06-21'),
    ],
  },
  '17.9': {
    protocol: PROTOCOL_17_9,
    modules: [
      IP_DEVIATION,
      LLDP_DEVIATION,
      ...ciscoModules({
        arp: '2021-07-01',
        cdp: '2022-03-01',
        hardware: '2021-03-01',
        interfaces: '2021-03-01',
        lldp: '2022-03-01',
        memory: '2019-05-01',
        native: '2022-07-01',
        platformSoftware: '2022-07-01',
      }),
      ...OPEN_17('2019-01-04'),
    ],
  },
  '17.12': {
    protocol: PROTOCOL_17_9,
    modules: [
      IP_DEVIATION,
      LLDP_DEVIATION,
      ...[
        'Cisco-IOS-XE-arp-oper',
        'Cisco-IOS-XE-cdp-oper',
        'Cisco-IOS-XE-device-hardware-oper',
        'Cisco-IOS-XE-interfaces-oper',
        'Cisco-IOS-XE-lldp-oper',
        'Cisco-IOS-XE-memory-oper',
        'Cisco-IOS-XE-native',
        'Cisco-IOS-XE-platform-software-oper',
      ].map((m) => cisco(m, undefined)),
      ...OPEN_17('2019-01-04'),
    ],
  },
};

/** `17.3.7` → `17.3`; a train not in the table takes the newest one before it. */
function trainOf(version: string): Train {
  const [major = 0, minor = 0] = version.split('.').map((p) => Number.parseInt(p, 10));
  const known = Object.keys(TRAINS)
    .map((t) => ({ t, n: t.split('.').map(Number) as [number, number] }))
    .sort((a, b) => a.n[0] - b.n[0] || a.n[1] - b.n[1]);
  let chosen = known[0]!;
  for (const k of known) if (k.n[0] < major || (k.n[0] === major && k.n[1] <= minor)) chosen = k;
  return TRAINS[chosen.t]!;
}

/** The hello's capability list for a box running `version`: base 1.0/1.1, protocol, modules. */
export function iosXeCapabilities(version: string): string[] {
  const train = trainOf(version);
  // The yang-library module-set-id is a digest of the module set (ConfD's is an MD5 too).
  const setId = createHash('md5').update(train.modules.join('\n')).digest('hex');
  return [
    BASE_1_0,
    BASE_1_1,
    ...train.protocol.map((c) => c.replace('{module-set-id}', setId)),
    ...train.modules,
  ];
}
