/** Port 0: which failed starts are worth another pick (a picked port taken meanwhile) and which are not. */
import { describe, expect, it } from 'vitest';
import { LabfleetError } from '../../simulator/errors.js';
import { isPickedPortTaken, type PortRequest } from '../../simulator/fleet/pick-ports.js';

const inUse = (port: number, code = 'EADDRINUSE') =>
  new LabfleetError('LISTEN_FAILED', `cannot listen on 127.0.0.1:${port}`, {
    cause: Object.assign(new Error(code), { code, port }),
  });

describe('isPickedPortTaken', () => {
  const byPort: PortRequest = { host: '127.0.0.1', width: 10, sshPort: 0, restPort: 8443 };
  const picked = { sshPort: 40000, restPort: 8443 };

  it.each([
    ['the first picked port', inUse(40000), true],
    ['a later port of the picked range (bind port)', inUse(40009), true],
    ['a port past the picked range', inUse(40010), false],
    ['the REST port the caller chose', inUse(8443), false],
    ['another error on a picked port', inUse(40000, 'EACCES'), false],
    ['an error without a cause', new Error('boom'), false],
  ])('%s: %s', (_, error, retry) => {
    expect(isPickedPortTaken(error, byPort, picked)).toBe(retry);
  });

  it('with bind ip the range is the one shared port', () => {
    const byIp = { ...byPort, width: 1, restPort: 0 };
    const both = { sshPort: 40000, restPort: 41000 };
    expect(isPickedPortTaken(inUse(41000), byIp, both)).toBe(true);
    expect(isPickedPortTaken(inUse(40001), byIp, both)).toBe(false);
  });
});
