/** Port 0: which failed starts are worth another pick (a picked port taken meanwhile) and which are not. */
import { describe, expect, it } from 'vitest';
import { LabfleetError } from '../../simulator/errors.js';
import { isPickedPortTaken, pickPorts, type PortRequest } from '../../simulator/fleet/pick-ports.js';

const inUse = (port: number, code = 'EADDRINUSE') =>
  new LabfleetError('LISTEN_FAILED', `cannot listen on 127.0.0.1:${port}`, {
    cause: Object.assign(new Error(code), { code, port }),
  });

describe('isPickedPortTaken', () => {
  const byPort: PortRequest = { host: '127.0.0.1', width: 10, sshPort: 0, restPort: 8443, netconfPort: 8830 };
  const picked = { sshPort: 40000, restPort: 8443, netconfPort: 8830 };

  it.each([
    ['the first picked port', inUse(40000), true],
    ['a later port of the picked range (bind port)', inUse(40009), true],
    ['a port past the picked range', inUse(40010), false],
    ['the REST port the caller chose', inUse(8443), false],
    ['the NETCONF port the caller chose', inUse(8830), false],
    ['another error on a picked port', inUse(40000, 'EACCES'), false],
    ['an error without a cause', new Error('boom'), false],
  ])('%s: %s', (_, error, retry) => {
    expect(isPickedPortTaken(error, byPort, picked)).toBe(retry);
  });

  it('with bind ip the range is the one shared port', () => {
    const byIp = { ...byPort, width: 1, restPort: 0 };
    const both = { sshPort: 40000, restPort: 41000, netconfPort: 8830 };
    expect(isPickedPortTaken(inUse(41000), byIp, both)).toBe(true);
    expect(isPickedPortTaken(inUse(40001), byIp, both)).toBe(false);
  });

  it('a picked NETCONF range is worth another pick, a chosen one is not', () => {
    const all = { ...byPort, restPort: 0, netconfPort: 0 };
    const three = { sshPort: 40000, restPort: 41000, netconfPort: 42000 };
    expect(isPickedPortTaken(inUse(42009), all, three)).toBe(true);
    expect(isPickedPortTaken(inUse(42010), all, three)).toBe(false);
    expect(isPickedPortTaken(inUse(42000), { ...all, netconfPort: 42000 }, three)).toBe(false);
  });
});

describe('pickPorts', () => {
  it('lays out three ranges that fit and keep apart, and keeps the ports asked for', async () => {
    const width = 50;
    const picked = await pickPorts({ host: '127.0.0.1', width, sshPort: 0, restPort: 0, netconfPort: 0 });
    const firsts = [picked.sshPort, picked.restPort, picked.netconfPort];
    for (const first of firsts) expect(first + width - 1).toBeLessThanOrEqual(65535);
    for (const [i, a] of firsts.entries())
      for (const b of firsts.slice(i + 1)) expect(a + width <= b || b + width <= a).toBe(true);
    const some = await pickPorts({
      host: '127.0.0.1',
      width: 1,
      sshPort: 0,
      restPort: 8443,
      netconfPort: 8830,
    });
    expect(some).toMatchObject({ restPort: 8443, netconfPort: 8830 });
    expect(some.sshPort).toBeGreaterThan(0);
  });
});
