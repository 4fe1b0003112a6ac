/** Where each device listens, for all three protocols, and which port layouts a fleet refuses. */
import { describe, expect, it } from 'vitest';
import { targetsFromTopology } from '../../client/inventory.js';
import { checkPorts } from '../../simulator/fleet/fleet.js';
import {
  deviceAddresses,
  DEFAULT_NETCONF_PORT,
  DEFAULT_REST_PORT,
  DEFAULT_SSH_PORT,
} from '../../simulator/topology/addresses.js';
import { parseTopology } from '../../simulator/topology/load.js';

const topology = parseTopology(
  ['name: three', 'mgmt: { pool: 127.171.0.0/16 }', 'nodes:', '  a: {}', '  b: {}', '  c: {}'].join('\n'),
);

describe('deviceAddresses', () => {
  it('bind ip: every device on its own address, the same three ports on each', () => {
    expect(deviceAddresses(topology)).toEqual(
      ['a', 'b', 'c'].map((name, i) => ({
        name,
        host: `127.171.0.${i + 1}`,
        port: DEFAULT_SSH_PORT,
        restPort: DEFAULT_REST_PORT,
        netconfPort: DEFAULT_NETCONF_PORT,
      })),
    );
    expect(DEFAULT_NETCONF_PORT).toBe(8830);
  });

  it('bind port: all on 127.0.0.1, each range consecutive from its first port', () => {
    const addresses = deviceAddresses(topology, {
      bind: 'port',
      sshPort: 30000,
      restPort: 31000,
      netconfPort: 32000,
    });
    expect(addresses.map((a) => [a.host, a.port, a.restPort, a.netconfPort])).toEqual([
      ['127.0.0.1', 30000, 31000, 32000],
      ['127.0.0.1', 30001, 31001, 32001],
      ['127.0.0.1', 30002, 31002, 32002],
    ]);
  });
});

describe('checkPorts', () => {
  const byPort = { topology, bind: 'port' as const, sshPort: 30000, restPort: 31000, netconfPort: 32000 };
  const serving = { rest: true, netconf: true };

  it('accepts ranges that fit and keep apart', () => {
    expect(() => checkPorts(byPort, serving)).not.toThrow();
    expect(() => checkPorts({ ...byPort, netconfPort: 30003 }, serving)).not.toThrow();
  });

  it.each([
    [
      { netconfPort: 30002 },
      /SSH ports 30000-30002 and NETCONF ports 30002-30004 overlap; choose a --netconf-port of 30003 or more, or below 29998/,
    ],
    [
      { netconfPort: 31001 },
      /REST ports 31000-31002 and NETCONF ports 31001-31003 overlap; choose a --netconf-port of 31003 or more/,
    ],
    [{ restPort: 30001 }, /SSH ports 30000-30002 and REST ports 30001-30003 overlap; choose a --rest-port/],
    [{ netconfPort: 65534 }, /NETCONF ports 65534-65536 run past 65535; choose a lower --netconf-port/],
  ])('%j: a usage error naming the flag to change', (ports, message) => {
    expect(() => checkPorts({ ...byPort, ...ports }, serving)).toThrow(message);
  });

  it('a range not served is not checked', () => {
    expect(() => checkPorts({ ...byPort, netconfPort: 30000 }, { rest: true, netconf: false })).not.toThrow();
    expect(() => checkPorts({ ...byPort, restPort: 30000 }, { rest: false, netconf: true })).not.toThrow();
  });

  it('with bind ip only the one port of each must differ', () => {
    const byIp = { topology, sshPort: 8830 };
    expect(() => checkPorts(byIp, serving)).toThrow(/SSH port 8830 and NETCONF port 8830 overlap/);
    expect(() => checkPorts({ ...byIp, sshPort: 8831 }, serving)).not.toThrow();
  });
});

describe('targetsFromTopology (check --netconf-port)', () => {
  it('gives each target the NETCONF port up derives, none where the node serves no NETCONF or no SSH', () => {
    const mixed = parseTopology(
      [
        'name: mixed',
        'mgmt: { pool: 127.171.0.0/16 }',
        'nodes:',
        '  a: {}',
        '  b: { protocols: { netconf: false } }',
        '  c: { protocols: { ssh: false } }',
      ].join('\n'),
    );
    const targets = targetsFromTopology(mixed, {
      bind: 'port',
      sshPort: 30000,
      netconfPort: 32000,
      transport: 'rest',
    });
    expect(targets.map((t) => [t.name, t.netconfPort])).toEqual([
      ['a', 32000],
      ['b', undefined],
      ['c', undefined],
    ]);
    expect(targetsFromTopology(mixed)[0]?.netconfPort).toBe(DEFAULT_NETCONF_PORT);
  });
});
