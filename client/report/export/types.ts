/** What every cabling writer takes and gives: cables between named ports, and the devices at their ends. */
import type { Platform } from '../../../simulator/topology/kinds/index.js';
import type { Cable } from '../../verify/verifier.js';

export interface ExportDevice {
  name: string;
  /** Unknown for a device only a neighbour named (a server, a device outside the inventory). */
  platform?: Platform;
  model?: string;
}

export interface ExportCabling {
  /** The lab's name: the topology's, or the documentation's file name. */
  name: string;
  /** Every device at a cable end, in the order they were given. */
  devices: readonly ExportDevice[];
  /** One entry per cable, interface names canonical (`GigabitEthernet1/0/1`). */
  cables: readonly Cable[];
}

export interface ExportOutput {
  text: string;
  /** What the format could not say as labfleet knows it, one line each, for stderr. */
  notes: string[];
}
