/**
 * Software identity text: the banner a device's own `show version` opens with, and the descriptions
 * it advertises to neighbours (CDP `Version :`, LLDP `System Description:`). Every function is pure in
 * (platform, model, version), so a peer's advertisement always matches what that peer says about itself.
 */
import { createRng } from '../state/random.js';
import type { ModelSpec, Platform } from '../topology/kinds/types.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** IOS-XE trains and their code names, by the last minor release of each train. */
const IOS_TRAINS: ReadonlyArray<[major: number, lastMinor: number, name: string]> = [
  [16, 3, 'Denali'],
  [16, 6, 'Everest'],
  [16, 9, 'Fuji'],
  [16, 12, 'Gibraltar'],
  [17, 3, 'Amsterdam'],
  [17, 6, 'Bengaluru'],
  [17, 9, 'Cupertino'],
  [17, 12, 'Dublin'],
];

/** Builds seen on real boxes; other versions get a build derived from the version string. */
const KNOWN_IOS_BUILDS: Readonly<
  Record<string, { fc: number; compiled: [number, number, number, number, number] }>
> = {
  '16.12.3': { fc: 5, compiled: [2020, 3, 9, 21, 50] },
  '17.3.7': { fc: 3, compiled: [2023, 3, 24, 2, 56] },
  '17.3.8a': { fc: 3, compiled: [2023, 10, 20, 15, 48] },
  '17.6.5': { fc: 2, compiled: [2023, 1, 25, 16, 15] },
};

/** The software family IOS names in its version line, by model, then by image. */
const IOS_FAMILY_BY_MODEL: Readonly<Record<string, string>> = {
  CSR1000V: 'Virtual XE Software',
  'ISR4451-X/K9': 'ISR Software',
  'ASR1001-X': 'ASR1000 Software',
};
const IOS_FAMILY_BY_IMAGE: Readonly<Record<string, string>> = {
  CAT9K_IOSXE: 'Catalyst L3 Switch Software',
  'CAT3K_CAA-UNIVERSALK9-M': 'Catalyst L3 Switch Software',
};

interface IosVersion {
  major: number;
  minor: number;
  patch: number;
  suffix: string;
}

function parseIosVersion(version: string): IosVersion {
  const match = /^(\d+)\.(\d+)\.(\d+)([a-z]*)$/.exec(version);
  if (!match) return { major: 17, minor: 3, patch: 1, suffix: '' };
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]), suffix: match[4]! };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `17.3.7` → `17.03.07`: the form of the `Cisco IOS XE Software, Version` line. */
export function iosXeVersion(version: string): string {
  const v = parseIosVersion(version);
  return `${v.major}.${pad2(v.minor)}.${pad2(v.patch)}${v.suffix}`;
}

/** The bracketed code name of an IOS-XE train: 17.3 → Amsterdam; trains after Dublin say IOSXE. */
export function iosCodeName(version: string): string {
  const { major, minor } = parseIosVersion(version);
  const train = IOS_TRAINS.find(([m, last]) => m === major && minor <= last);
  return train ? train[2] : 'IOSXE';
}

/** Release build (fc) and compile time, from real builds or derived from the version string alone. */
function iosBuild(version: string): { fc: number; compiled: Date } {
  const known = KNOWN_IOS_BUILDS[version];
  if (known) {
    const [y, mo, d, h, mi] = known.compiled;
    return { fc: known.fc, compiled: new Date(Date.UTC(y, mo - 1, d, h, mi)) };
  }
  const v = parseIosVersion(version);
  const rng = createRng('software', version, 'ios-build');
  // Trains ship every four months from Gibraltar (16.12, July 2019); rebuilds every four months after.
  const train = (v.major - 16) * 12 + v.minor;
  const months = (train - 12) * 4 + v.patch * 4 + (v.suffix ? 1 : 0);
  const compiled = new Date(Date.UTC(2019, 6 + months, rng.int(1, 28), rng.int(0, 23), rng.int(0, 59)));
  return { fc: rng.int(1, 5), compiled };
}

/** `Fri 24-Mar-23 02:56`, the form of IOS's `Compiled` line. */
function renderCompiled(date: Date): string {
  const day = DAYS[date.getUTCDay()]!;
  const month = MONTHS[date.getUTCMonth()]!;
  const year = pad2(date.getUTCFullYear() % 100);
  return `${day} ${pad2(date.getUTCDate())}-${month}-${year} ${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}`;
}

function iosFamily(model: ModelSpec): string {
  return IOS_FAMILY_BY_MODEL[model.name] ?? IOS_FAMILY_BY_IMAGE[model.image] ?? 'IOS-XE Software';
}

/** The four lines IOS prints about its software, in `show version`, CDP and LLDP alike. */
export function iosSoftwareLines(model: ModelSpec, version: string): string[] {
  const { fc, compiled } = iosBuild(version);
  return [
    `Cisco IOS Software [${iosCodeName(version)}], ${iosFamily(model)} (${model.image}), Version ${version}, RELEASE SOFTWARE (fc${fc})`,
    'Technical Support: http://www.cisco.com/techsupport',
    `Copyright (c) 1986-${compiled.getUTCFullYear()} by Cisco Systems, Inc.`,
    `Compiled ${renderCompiled(compiled)} by mcpre`,
  ];
}

/** Year an NX-OS release shipped: 9.3(10) → 2022. */
function nxosYear(version: string): number {
  const match = /^(\d+)\.(\d+)\((\d+)/.exec(version);
  if (!match) return 2022;
  const [major, minor, patch] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return 2010 + major + (major >= 10 ? minor - 1 : 0) + Math.floor(patch / 3);
}

/** Junos build stamp: 21.4R3-S4.9 → `2023-06-…`, quarter releases plus four months per R, two per S. */
function junosBuildDate(version: string): string {
  const match = /^(\d+)\.(\d+)R(\d+)(?:-S(\d+))?/.exec(version);
  const [year, quarter, release, service] = match
    ? [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4] ?? 0)]
    : [21, 4, 1, 0];
  const rng = createRng('software', version, 'junos-build');
  const months = (quarter - 1) * 3 + (release - 1) * 4 + service * 2;
  const date = new Date(
    Date.UTC(2000 + year, months, rng.int(1, 28), rng.int(0, 23), rng.int(0, 59), rng.int(0, 59)),
  );
  const day = date.toISOString().slice(0, 10);
  const time = date.toISOString().slice(11, 19);
  return `${day} ${time} UTC Copyright (c) 1996-${date.getUTCFullYear()} Juniper Networks, Inc.`;
}

function junosRole(model: ModelSpec): string {
  return /^(mx|vmx)/.test(model.platform) ? 'internet router' : 'Ethernet Switch';
}

/** The one line a device of any platform describes its software with. */
export function platformDescription(platform: Platform, model: ModelSpec, version: string): string {
  switch (platform) {
    case 'cisco_ios':
      return iosSoftwareLines(model, version)[0]!;
    case 'cisco_nxos':
      return `Cisco Nexus Operating System (NX-OS) Software, Version ${version}`;
    case 'arista_eos':
      return `Arista Networks EOS version ${version} running on an Arista Networks ${model.platform}`;
    case 'juniper_junos':
      return `Juniper Networks, Inc. ${model.platform} ${junosRole(model)}, kernel JUNOS ${version}, Build date: ${junosBuildDate(version)}`;
  }
}

/** The first lines of the device's own `show version`. */
export function softwareBanner(platform: Platform, model: ModelSpec, version: string): string[] {
  switch (platform) {
    case 'cisco_ios':
      return [`Cisco IOS XE Software, Version ${iosXeVersion(version)}`, ...iosSoftwareLines(model, version)];
    case 'cisco_nxos':
      return [
        'Cisco Nexus Operating System (NX-OS) Software',
        'TAC support: http://www.cisco.com/tac',
        `Copyright (C) 2002-${nxosYear(version)}, Cisco and/or its affiliates.`,
        'All rights reserved.',
      ];
    default:
      return [platformDescription(platform, model, version)];
  }
}

/** What an IOS box prints under `Version :` for a CDP neighbour running this software. */
export function cdpVersionText(platform: Platform, model: ModelSpec, version: string): string[] {
  return platform === 'cisco_ios'
    ? iosSoftwareLines(model, version)
    : [platformDescription(platform, model, version)];
}

/** The LLDP System Description TLV a device of this software sends, line by line. */
export function lldpSystemDescription(platform: Platform, model: ModelSpec, version: string): string[] {
  switch (platform) {
    case 'cisco_ios':
      return iosSoftwareLines(model, version);
    case 'cisco_nxos':
      return [
        `Cisco Nexus Operating System (NX-OS) Software ${version}`,
        'TAC support: http://www.cisco.com/tac',
        `Copyright (c) 2002-${nxosYear(version)}, Cisco Systems, Inc. All rights reserved.`,
      ];
    default:
      return [platformDescription(platform, model, version)];
  }
}
