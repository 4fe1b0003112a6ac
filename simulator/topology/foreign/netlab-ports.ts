/** Ports of netlab nodes: numbered as netlab numbers them, and the labfleet model that has them. */
import { describeModelPorts, modelHasPort, normalizeInterfaceName } from '../interfaces.js';
import { findModel, getKind, type ModelSpec, type Platform } from '../kinds/index.js';
import { modelWithPorts } from '../model-fit.js';
import type { Reporter } from '../reporter.js';
import { renderPath, type PathSegment } from '../source.js';
import type { Attachment } from './netlab-links.js';
import type { NodeEntry } from './netlab-nodes.js';

export /** A netlab device type as labfleet serves it. */
interface NetlabDevice {
  platform: Platform;
  /** netlab's `interface_name` template, for notes. */
  template: string;
  /** The port of interface index `i`, as the template names it. */
  port(i: number): string;
  /** netlab's `ifindex_offset`: the first interface index (netlab's default is 1). */
  first: number;
  /** The labfleet model; absent: the first model of the platform with every port used. */
  model?: string;
}

/** One numbered port of a node. */
export interface Port {
  name: string;
  ifindex: number;
  /** Where the port comes from: its `ifindex`/`ifname` if written, else the attachment. */
  path: PathSegment[];
}

/** The port of one attachment: its `ifindex` if given (checked), else the lowest free one. */
export function allocatePort(
  attachment: Attachment,
  device: NetlabDevice | undefined,
  used: Port[],
  reporter: Reporter,
): Port | undefined {
  if (!device) return undefined;
  const taken = new Set(used.map((port) => port.ifindex));
  let ifindex = device.first;
  let path = attachment.path;
  if (attachment.ifindex) {
    const value = attachment.ifindex.value;
    path = attachment.ifindex.path;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < device.first) {
      reporter.report(
        'VALUE_INVALID',
        `ifindex must be a whole number from ${device.first} (${device.template}: ${device.port(device.first)} first), got ${JSON.stringify(value)}`,
        path,
      );
      return undefined;
    }
    if (taken.has(value)) {
      const other = used.find((port) => port.ifindex === value)!;
      reporter.report(
        'INTERFACE_DUPLICATE',
        `${attachment.node}: ifindex ${value} (${device.port(value)}) is already used by ${renderPath(other.path)}`,
        path,
      );
      return undefined;
    }
    ifindex = value;
  } else while (taken.has(ifindex)) ifindex++;
  let name = device.port(ifindex);
  if (attachment.ifname && typeof attachment.ifname.value === 'string') {
    name = attachment.ifname.value;
    path = attachment.ifname.path;
  }
  const port = { name, ifindex, path };
  used.push(port);
  return port;
}

/** The table's model if it has every port, else (no model in the table) the first that does. */
export function chooseModel(
  name: string,
  device: NetlabDevice,
  entry: NodeEntry,
  ports: readonly Port[],
  reporter: Reporter,
): ModelSpec | undefined {
  const kind = getKind(device.platform);
  const model = device.model
    ? findModel(kind, device.model)
    : modelWithPorts(
        device.platform,
        ports.map((p) => p.name),
      );
  if (!model) {
    reporter.report(
      'INTERFACE_INVALID',
      `${name}: device ${entry.device!.name} numbers its ports ${device.template} (${ports.map((p) => p.name).join(', ')}); no ${device.platform} model of labfleet has them`,
      entry.device!.path,
    );
    return undefined;
  }
  let ok = true;
  for (const port of ports) {
    if (modelHasPort(model, normalizeInterfaceName(port.name, kind.interfaceTypes))) continue;
    ok = false;
    reporter.report(
      'INTERFACE_INVALID',
      `${name}: ifindex ${port.ifindex} is ${port.name}, which model ${model.name} does not have (ports: ${describeModelPorts(model)})`,
      port.path,
    );
  }
  return ok ? model : undefined;
}
