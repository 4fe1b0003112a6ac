/**
 * A REST driver: how the client asks one platform's API (RESTCONF, NX-API, eAPI, Junos REST) for
 * what the SSH drivers read from the CLI, with parsers from the API's own answers to the same
 * shapes, so a REST check and an SSH check of the same fleet agree.
 */
import type { Platform } from '../../../simulator/topology/kinds/types.js';
import type { HttpAnswer, RestCall } from '../../transport/rest-session.js';
import type { ArpRow, MemoryFacts, ObservedNeighbor, VersionFacts } from '../types.js';

/**
 * One request and the parser of its answer. `parse` throws a `ClientError('COMMAND_FAILED')` that
 * quotes the device's own error when the answer is one (a 401 is handled before it is called).
 */
export interface RestCollector<T> {
  request: RestCall;
  parse(answer: HttpAnswer): T;
}

export interface RestDriver {
  platform: Platform;
  /**
   * Neighbour collectors, merged by local port like the SSH drivers'. A protocol that is off on
   * the device parses to no neighbours, not to an error.
   */
  neighbors: ReadonlyArray<RestCollector<ObservedNeighbor[]> & { protocol: 'cdp' | 'lldp' }>;
  arp: RestCollector<ArpRow[]>;
  version: RestCollector<VersionFacts>;
  memory: RestCollector<MemoryFacts>;
  /**
   * A raw request as text: a CLI command for the APIs that wrap the CLI, a data path for RESTCONF.
   * Undefined when the API has no such thing.
   */
  raw?(command: string): RestCollector<string>;
  /**
   * Adds what a request needs from the target beyond basic auth (eAPI: the enable secret as
   * `{"cmd": "enable", "input": …}`, as pyeapi sends it when given one).
   */
  prepare?(call: RestCall, target: { secret?: string }): RestCall;
}
