/**
 * What EOS's `management api netconf` hello lists. The protocol part follows a cEOS capture
 * (base 1.0 and 1.1, the odd bare `urn:ietf:params:xml:ns:netconf:base:1.0`, ietf-netconf-monitoring,
 * writable-running and candidate; no xpath, validate, rollback-on-error or confirmed-commit). The
 * `:url` capability the box also lists is left out: copy-config to a URL is not served here. The
 * modules are the subset this simulator answers for, with the revisions each release ships
 * (aristanetworks/yang, EOS-<release>/ folders; 4.28.3M takes 4.28.2F's, the last 4.28 folder).
 */
import { BASE_1_0, BASE_1_1 } from '../session.js';

type Revisions = Readonly<Record<string, string>>;

/** Module → namespace. */
const NAMESPACES: Revisions = {
  'openconfig-interfaces': 'http://openconfig.net/yang/interfaces',
  'openconfig-if-ethernet': 'http://openconfig.net/yang/interfaces/ethernet',
  'openconfig-if-ip': 'http://openconfig.net/yang/interfaces/ip',
  'openconfig-lldp': 'http://openconfig.net/yang/lldp',
  'openconfig-lldp-types': 'http://openconfig.net/yang/lldp/types',
  'openconfig-system': 'http://openconfig.net/yang/system',
  'openconfig-types': 'http://openconfig.net/yang/openconfig-types',
  'openconfig-yang-types': 'http://openconfig.net/yang/types/yang',
  'openconfig-inet-types': 'http://openconfig.net/yang/types/inet',
  'ietf-inet-types': 'urn:ietf:params:xml:ns:yang:ietf-inet-types',
  'arista-intf-augments': 'http://arista.com/yang/openconfig/interfaces/augments',
  'arista-intf-deviations': 'http://arista.com/yang/openconfig/interfaces/deviations',
  'arista-lldp-augments': 'http://arista.com/yang/openconfig/lldp/augments',
  'arista-lldp-deviations': 'http://arista.com/yang/openconfig/lldp/deviations',
  'arista-system-augments': 'http://arista.com/yang/openconfig/system/augments',
  'arista-system-deviations': 'http://arista.com/yang/openconfig/system/deviations',
};

/** Revisions shared by every release here (the module did not change between them). */
const COMMON: Revisions = {
  'openconfig-lldp': '2018-11-21',
  'openconfig-lldp-types': '2018-11-21',
  'openconfig-yang-types': '2021-07-14',
  'ietf-inet-types': '2013-07-15',
  'arista-lldp-augments': '2020-11-30',
  'arista-lldp-deviations': '2022-01-17',
  'arista-system-augments': '2021-09-27',
};

/** Per release train: the revisions that moved. */
const TRAINS: ReadonlyArray<readonly [train: string, revisions: Revisions]> = [
  [
    '4.28',
    {
      'openconfig-interfaces': '2021-04-06',
      'openconfig-if-ethernet': '2022-04-20',
      'openconfig-if-ip': '2019-01-08',
      'openconfig-system': '2021-07-20',
      'openconfig-types': '2019-04-16',
      'openconfig-inet-types': '2021-08-17',
      'arista-intf-augments': '2021-11-19',
      'arista-intf-deviations': '2021-01-29',
      'arista-system-deviations': '2021-07-07',
    },
  ],
  [
    '4.30',
    {
      'openconfig-interfaces': '2022-10-25',
      'openconfig-if-ethernet': '2023-03-10',
      'openconfig-if-ip': '2023-02-06',
      'openconfig-system': '2022-12-20',
      'openconfig-types': '2019-04-16',
      'openconfig-inet-types': '2023-02-06',
      'arista-intf-augments': '2022-07-28',
      'arista-intf-deviations': '2022-12-10',
      'arista-system-deviations': '2023-03-14',
    },
  ],
  [
    '4.31',
    {
      'openconfig-interfaces': '2023-08-29',
      'openconfig-if-ethernet': '2023-03-10',
      'openconfig-if-ip': '2023-08-14',
      'openconfig-system': '2023-06-16',
      'openconfig-types': '2019-04-16',
      'openconfig-inet-types': '2023-02-06',
      'arista-intf-augments': '2023-07-20',
      'arista-intf-deviations': '2022-12-10',
      'arista-system-deviations': '2023-03-14',
    },
  ],
  [
    '4.32',
    {
      'openconfig-interfaces': '2023-11-06',
      'openconfig-if-ethernet': '2023-03-10',
      'openconfig-if-ip': '2024-03-13',
      'openconfig-system': '2023-12-20',
      'openconfig-types': '2024-01-31',
      'openconfig-inet-types': '2024-01-05',
      'arista-intf-augments': '2023-07-20',
      'arista-intf-deviations': '2024-02-12',
      'arista-system-deviations': '2023-03-14',
    },
  ],
];

const trainNumber = (version: string): number => {
  const [major, minor] = version.split('.');
  return Number(major) * 1000 + (Number.parseInt(minor ?? '0', 10) || 0);
};

/** The newest train at or before `version` (an older one than we know takes the oldest). */
function revisionsFor(version: string): Revisions {
  const wanted = trainNumber(version);
  let chosen = TRAINS[0]![1];
  for (const [train, revisions] of TRAINS) if (trainNumber(train) <= wanted) chosen = revisions;
  return { ...COMMON, ...chosen };
}

export const EOS_PROTOCOL_CAPABILITIES: readonly string[] = [
  BASE_1_0,
  BASE_1_1,
  'urn:ietf:params:xml:ns:netconf:base:1.0',
  'urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring',
  'urn:ietf:params:netconf:capability:writable-running:1.0',
  'urn:ietf:params:netconf:capability:candidate:1.0',
];

/** The hello's capability list for an EOS release (`4.30.1F`). */
export function eosCapabilities(version: string): string[] {
  const revisions = revisionsFor(version);
  return [
    ...EOS_PROTOCOL_CAPABILITIES,
    ...Object.entries(NAMESPACES).map(
      ([module, ns]) => `${ns}?module=${module}&revision=${revisions[module]!}`,
    ),
  ];
}
