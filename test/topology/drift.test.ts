import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LabfleetError } from '../../simulator/errors.js';
import { parseDrift, validateDriftText } from '../../simulator/topology/drift.js';
import { createWorld, type World } from '../../simulator/topology/world.js';
import { readTopologySync } from '../../simulator/topology/load.js';
import { FIXTURES } from '../helpers.js';

const topology = readTopologySync(join(FIXTURES, 'drift', 'lab.yaml'));
const peer = (world: World, node: string, iface: string) => {
  const p = world.peerOf({ node, interface: iface });
  return p && `${p.node}:${p.interface}`;
};

describe('drift', () => {
  it('without drift the world is the documentation', () => {
    const world = createWorld(topology);
    expect(world.cables).toHaveLength(topology.links.length);
    expect(peer(world, 'R1', 'GigabitEthernet3')).toBe('R3:GigabitEthernet2');
    expect(peer(world, 'R3', 'GigabitEthernet2')).toBe('R1:GigabitEthernet3');
  });

  it('applies swap, unplug, move and add, and never edits the topology', () => {
    const before = JSON.stringify(topology.links);
    const text = readFileSync(join(FIXTURES, 'drift', 'lab-drift.yaml'), 'utf8');
    const world = parseDrift(text, topology, 'lab-drift.yaml');
    // swap: R1 Gi3 and Gi4 exchanged their cables
    expect(peer(world, 'R1', 'GigabitEthernet3')).toBe('R4:GigabitEthernet2');
    expect(peer(world, 'R1', 'GigabitEthernet4')).toBe('R3:GigabitEthernet2');
    expect(peer(world, 'R3', 'GigabitEthernet2')).toBe('R1:GigabitEthernet4');
    // unplug: both ends of that cable are empty
    expect(peer(world, 'R2', 'GigabitEthernet3')).toBeUndefined();
    expect(peer(world, 'R3', 'GigabitEthernet3')).toBeUndefined();
    // move: the cable from R4 Gi3 now ends at R5 Gi5, its far end unchanged
    expect(peer(world, 'R4', 'GigabitEthernet3')).toBeUndefined();
    expect(peer(world, 'R5', 'GigabitEthernet5')).toBe('R5:GigabitEthernet2');
    // add: an undocumented cable
    expect(peer(world, 'R5', 'GigabitEthernet6')).toBe('sw1:Ethernet2');
    expect(world.cables.find((c) => c.a.interface === 'GigabitEthernet6')?.documented).toBeUndefined();
    expect(world.cables).toHaveLength(topology.links.length - 1 + 1);
    expect(world.drift.map((d) => d.op)).toEqual(['swap', 'unplug', 'move', 'add']);
    expect(JSON.stringify(topology.links)).toBe(before);
  });

  it.each([
    ['drift:\n  - unplug: "R2:Gi4"\n', 'DRIFT_PORT_UNCABLED', 2, 13],
    ['drift:\n  - unplug: "R2:Gi3"\n  - unplug: "R3:Gi3"\n', 'DRIFT_PORT_UNCABLED', 3, 13],
    ['drift:\n  - move: { from: "R1:Gi2", to: "R1:Gi3" }\n', 'DRIFT_PORT_IN_USE', 2, 33],
    ['drift:\n  - add: ["R5:Gi6", "R1:Gi2"]\n', 'DRIFT_PORT_IN_USE', 2, 21],
    ['drift:\n  - swap: ["R1:Gi2", "R2:Gi2"]\n', 'DRIFT_NOOP', 2, 11],
    ['drift:\n  - swap: ["R1:Gi2", "R9:Gi2"]\n', 'ENDPOINT_NODE_UNKNOWN', 2, 22],
    ['drift:\n  - swap: ["R1:Gi2", "R2:Gi99"]\n', 'INTERFACE_INVALID', 2, 22],
    ['drift:\n  - yank: "R1:Gi2"\n', 'TYPE_INVALID', 2, 5],
    ['drift:\n  - unplug: "R1:Gi2"\n    colour: red\n', 'KEY_UNKNOWN', 3, 5],
    ['', 'EMPTY', 1, 1],
  ])('%#: %j → %s at %d:%d', (text, code, line, column) => {
    const result = validateDriftText(text, topology, 'bad-drift.yaml');
    expect(result.world).toBeUndefined();
    expect(result.diagnostics[0]).toMatchObject({ code, location: { file: 'bad-drift.yaml', line, column } });
  });

  it('throws DRIFT_INVALID with every diagnostic attached', () => {
    try {
      parseDrift('drift:\n  - unplug: "R2:Gi4"\n  - unplug: "R2:Gi5"\n', topology);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LabfleetError);
      expect((error as LabfleetError).code).toBe('DRIFT_INVALID');
      expect((error as LabfleetError).diagnostics).toHaveLength(2);
    }
  });
});
