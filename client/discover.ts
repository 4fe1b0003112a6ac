/**
 * Discovery as a pure function: what every device said (its neighbours and `show version`) →
 * the topology it describes, and what could not become part of it. No connection, no file: the
 * CLI collects (collect.ts) and writes (discover-render.ts, renderTopologyYaml).
 *
 * The rules, in order (docs/discover.md):
 * 1. A neighbour's name is the inventory name it stands for: domain and NX-OS serial stripped, case
 *    ignored, a device's `show version` hostname taken as another name for it.
 * 2. A cable both ends report (A:x sees B:y, B:y sees A:x) is one link.
 * 3. A cable one end reports, whose far port reports nothing, is a link too (seen from one end):
 *    nothing contradicts it, and one side not speaking CDP/LLDP on a port is common.
 * 4. Everything else is a conflict, written as no link: A:x sees B:y but B:y sees C:z (what B and C
 *    confirm, rule 2, still stands), or two ports both claim one silent port.
 * 5. A neighbour outside the inventory, or a device that did not answer, is an unresolved end.
 * 6. A device's model is the one `show version` reported when labfleet has it and it has every
 *    linked port; else the platform's model with all those ports (modelWithPorts); a link at a
 *    port no model of the platform has is dropped as unresolved.
 */
import { DEFAULT_MGMT_POOL, generatedPoolFor, poolHosts } from '../simulator/topology/mgmt-addresses.js';
import { cidrContains, parseCidr, parseIpv4, renderCidr } from '../simulator/topology/ip.js';
import { modelHasPort } from '../simulator/topology/interfaces.js';
import { defaultModel, findModel, getKind, type Platform } from '../simulator/topology/kinds/index.js';
import { modelWithPorts } from '../simulator/topology/model-fit.js';
import type { DeviceResult } from './collect.js';
import {
  cableKey,
  canonicalHostname,
  canonicalInterface,
  portKey,
  renderPort,
  type Port,
} from './verify/ports.js';

/** Where a device's model came from: its `show version`, or the ports it is cabled on. */
export interface DiscoveredDevice {
  name: string;
  platform: Platform;
  model: string;
  /** Why the model is not what `show version` said (absent when it is). */
  modelNote?: string;
}

export interface DiscoveredLink {
  a: Port;
  b: Port;
  /** `both`: each end reports the other; `one`: only `a` reports it, `b`'s port reports nothing. */
  seen: 'both' | 'one';
}

/** A neighbour that is not a link: who sees it, on which port, and why it stays out. */
export interface UnresolvedEnd {
  port: Port;
  /** The neighbour as advertised (name and port). */
  neighbor: { device: string; interface: string };
  reason: 'not in the inventory' | 'did not answer' | 'no model has the port';
  /** For `did not answer`: the device's error code; for `no model has the port`: the port. */
  detail?: string;
}

/** Two reports that cannot both be cables. */
export interface Conflict {
  /** What the port at `claim[0]` reports. */
  claim: [Port, Port];
  /** What contradicts it, in words. */
  but: string;
}

export interface FailedDevice {
  device: string;
  code: string;
  message: string;
}

export interface Discovery {
  devices: DiscoveredDevice[];
  links: DiscoveredLink[];
  unresolved: UnresolvedEnd[];
  conflicts: Conflict[];
  failed: FailedDevice[];
  /** The pool written as `mgmt.pool`: `--mgmt-pool`, or one chosen because the default holds a device's address. */
  mgmtPool?: string;
  /** Why the pool was chosen, when discovery chose it. */
  mgmtPoolNote?: string;
  /** The one domain neighbours advertised names with (some, such as NX-OS `name(SERIAL)`, carry none). */
  domain?: string;
}

export interface DiscoverOptions {
  /** A management pool to write (`--mgmt-pool`), instead of choosing one. */
  mgmtPool?: string;
  /** The devices' addresses (inventory hosts): a default pool holding one of them is avoided. */
  hosts?: readonly string[];
}

/** One port's report: who it is and who it says is at the far end (names resolved, canonical). */
interface Claim {
  from: Port;
  to: Port;
}

/** Results (in inventory order) → the topology they describe. Same results, same discovery. */
export function discoverTopology(given: readonly DeviceResult[], options: DiscoverOptions = {}): Discovery {
  const results = shortNames(given);
  const answered = results.filter((r) => r.ok);
  const failed = results
    .filter((r) => !r.ok)
    .map((r) => ({
      device: r.device,
      code: r.error?.code ?? r.status.toUpperCase(),
      message: r.error?.message ?? r.reason ?? r.status,
    }));
  const names = nameIndex(results);
  const platformOf = new Map(results.map((r) => [r.device, r.platform]));
  const up = new Set(answered.map((r) => r.device));
  const down = new Map(failed.map((f) => [f.device, f.code]));
  const unresolved: UnresolvedEnd[] = [];
  const claims: Claim[] = [];
  const domains = new Set<string>();
  for (const result of answered) {
    for (const n of result.neighbors ?? []) {
      const from = {
        device: result.device,
        interface: canonicalInterface(n.localInterface, result.platform),
      };
      const host = canonicalHostname(n.remoteDevice);
      const device = names.get(host.toLowerCase());
      const neighbor = { device: n.remoteDevice, interface: n.remoteInterface };
      if (device === undefined) {
        unresolved.push({ port: from, neighbor, reason: 'not in the inventory' });
        continue;
      }
      const domain = domainOf(n.remoteDevice);
      if (domain) domains.add(domain);
      if (!up.has(device)) {
        unresolved.push({ port: from, neighbor, reason: 'did not answer', detail: down.get(device)! });
        continue;
      }
      claims.push({
        from,
        to: { device, interface: canonicalInterface(n.remoteInterface, platformOf.get(device)) },
      });
    }
  }
  const { links, conflicts } = mergeClaims(claims);
  const devices = answered.map((r) => chooseModel(r, links));
  const kept = dropUnmodelled(links, devices, unresolved);
  const [domain, ...others] = [...domains];
  return {
    devices,
    links: kept,
    unresolved,
    conflicts,
    failed,
    ...poolOption(options, answered.length),
    ...(domain && others.length === 0 ? { domain } : {}),
  };
}

/**
 * Inventory names as topology names: `sw1.lab.example.com` → `sw1` (the name neighbours match and
 * a topology accepts), unless two devices would then share a name.
 */
function shortNames(results: readonly DeviceResult[]): readonly DeviceResult[] {
  const short = results.map((r) => canonicalHostname(r.device));
  if (new Set(short.map((n) => n.toLowerCase())).size < short.length) return results;
  return results.map((r, i) => (r.device === short[i] ? r : { ...r, device: short[i]! }));
}

/** Lower-cased name → inventory name: the inventory's own names first, then `show version` hostnames. */
function nameIndex(results: readonly DeviceResult[]): Map<string, string> {
  const names = new Map(results.map((r) => [r.device.toLowerCase(), r.device]));
  for (const r of results) {
    const host = r.version?.hostname && canonicalHostname(r.version.hostname).toLowerCase();
    if (host && !names.has(host)) names.set(host, r.device);
  }
  return names;
}

/** `r1.lab.example.com` → `lab.example.com`; `r1(SAL123)` and `r1` → ``. */
function domainOf(advertised: string): string {
  const name = advertised.trim().replace(/\(.*\)$/, '');
  const dot = name.indexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1);
}

/** Rules 2–4: confirmed cables, then uncontradicted one-sided ones; the rest are conflicts. */
export function mergeClaims(claims: readonly Claim[]): { links: DiscoveredLink[]; conflicts: Conflict[] } {
  const at = new Map<string, Claim>();
  for (const claim of claims) if (!at.has(portKey(claim.from))) at.set(portKey(claim.from), claim);
  const links: DiscoveredLink[] = [];
  const conflicts: Conflict[] = [];
  const linked = new Set<string>();
  const oneSided = new Map<string, Claim[]>();
  for (const claim of at.values()) {
    const far = at.get(portKey(claim.to));
    if (portKey(claim.from) === portKey(claim.to)) {
      conflicts.push({ claim: [claim.from, claim.to], but: 'a port cannot be its own neighbour' });
    } else if (far && portKey(far.to) === portKey(claim.from)) {
      const key = cableKey(claim.from, claim.to);
      if (!linked.has(key)) links.push({ a: claim.from, b: claim.to, seen: 'both' });
      linked.add(key);
    } else if (far) {
      conflicts.push({
        claim: [claim.from, claim.to],
        but: `${renderPort(claim.to)} sees ${renderPort(far.to)}`,
      });
    } else {
      const key = portKey(claim.to);
      oneSided.set(key, [...(oneSided.get(key) ?? []), claim]);
    }
  }
  for (const group of oneSided.values()) {
    if (group.length === 1) {
      links.push({ a: group[0]!.from, b: group[0]!.to, seen: 'one' });
      continue;
    }
    const others = group.map((c) => renderPort(c.from));
    for (const claim of group)
      conflicts.push({
        claim: [claim.from, claim.to],
        but: `${others.filter((o) => o !== renderPort(claim.from)).join(', ')} ${group.length > 2 ? 'see' : 'sees'} it too, and ${renderPort(claim.to)} reports no neighbour`,
      });
  }
  return { links, conflicts };
}

/** Rule 6. */
function chooseModel(result: DeviceResult, links: readonly DiscoveredLink[]): DiscoveredDevice {
  const { device: name, platform } = result;
  const kind = getKind(platform);
  const ports = portsOf(name, links);
  const reported = result.version?.model;
  const known = reported ? findModel(kind, reported) : undefined;
  const missing = known && ports.find((p) => !modelHasPort(known, p));
  if (known && !missing) return { name, platform, model: known.name };
  const fitted = modelWithPorts(platform, ports) ?? defaultModel(kind);
  const why = !result.version
    ? `no show version (${result.reason ?? 'not collected'})`
    : !reported
      ? 'show version reported no model'
      : !known
        ? `show version reported ${reported}, not a labfleet ${platform} model`
        : `show version reported ${known.name}, which has no port ${missing}`;
  return { name, platform, model: fitted.name, modelNote: `${why}; ${fitted.name} has every port seen` };
}

function portsOf(device: string, links: readonly DiscoveredLink[]): string[] {
  return links.flatMap((l) => [l.a, l.b].filter((p) => p.device === device).map((p) => p.interface));
}

/** Links at a port the device's chosen model lacks (no model of its platform had them all) become unresolved. */
function dropUnmodelled(
  links: readonly DiscoveredLink[],
  devices: DiscoveredDevice[],
  unresolved: UnresolvedEnd[],
): DiscoveredLink[] {
  const byName = new Map(devices.map((d) => [d.name, d]));
  const lacks = (p: Port) => {
    const d = byName.get(p.device)!;
    return !modelHasPort(findModel(getKind(d.platform), d.model)!, p.interface);
  };
  return links.filter((link) => {
    const bad = [link.a, link.b].find(lacks);
    if (!bad) return true;
    const [port, other] = bad === link.a ? [link.b, link.a] : [link.a, link.b];
    unresolved.push({ port, neighbor: other, reason: 'no model has the port', detail: renderPort(bad) });
    const d = byName.get(bad.device)!;
    d.modelNote = `${d.modelNote ?? `${d.model} from show version`}; no ${d.platform} model has ${bad.interface}`;
    return false;
  });
}

/**
 * The pool to write: `--mgmt-pool`; else none (the default) unless a discovered device's address
 * lies in the default pool (a labfleet fleet discovered), then the first 127.N.0.0/16 above it
 * that holds none of them, so the reproduction can run beside the original.
 */
function poolOption(options: DiscoverOptions, count: number): { mgmtPool?: string; mgmtPoolNote?: string } {
  if (options.mgmtPool) return { mgmtPool: options.mgmtPool };
  if (count > poolHosts(16)) return { mgmtPool: generatedPoolFor(count)! };
  const addresses = (options.hosts ?? []).flatMap((h) => parseIpv4(h) ?? []);
  const holdsOne = (pool: string) => addresses.some((a) => cidrContains(parseCidr(pool)!, a));
  if (!holdsOne(DEFAULT_MGMT_POOL)) return {};
  const base = parseCidr(DEFAULT_MGMT_POOL)!;
  for (let step = 1; step < 155; step++) {
    const pool = renderCidr({ network: base.network + step * 2 ** 16, prefix: 16 });
    if (!holdsOne(pool))
      return {
        mgmtPool: pool,
        mgmtPoolNote: `management pool ${pool}: the devices discovered hold addresses in the default ${DEFAULT_MGMT_POOL}, so the copy can run beside them`,
      };
  }
  return {};
}
