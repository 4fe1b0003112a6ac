/** `labfleet up` refuses bad options with exit 2 and a message that says what would be valid. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../client/cli/program.js';
import { captureIO } from '../helpers.js';

describe('labfleet up', () => {
  it.each([
    [['up', 'routers-10', '--bind', 'ports'], /--bind "ports" is not supported; valid: ip, port/],
    [['up', 'routers-10', '--latency', 'fast'], /--latency "fast" is not a duration/],
    [
      ['up', 'routers-10', '--inventory-format', 'xml'],
      /--inventory-format "xml" is not supported; valid: json, ansible, nornir, csv/,
    ],
    [['up', 'routers-10', '--ssh-port', '70000'], /--ssh-port must be a whole number from 0 to 65535/],
    [['up', 'routers-10', '--rest-port', 'https'], /--rest-port must be a whole number from 0 to 65535/],
    [
      ['up', 'routers-10', '--rest-plain', '--rest-cert', 'x.pem'],
      /--rest-cert writes the HTTPS certificate, but --rest-plain serves none/,
    ],
    [
      ['up', 'routers-10', '--bind', 'port', '--ssh-port', '30000', '--rest-port', '30005'],
      /SSH ports 30000-30009 and REST ports 30005-30014 overlap/,
    ],
    [['up', 'routers-10', '--bind', 'port', '--ssh-port', '65530'], /SSH ports 65530-65539 run past 65535/],
    [['up', 'routers-10', '--netconf-port', 'x'], /--netconf-port must be a whole number from 0 to 65535/],
    [
      ['up', 'routers-10', '--bind', 'port', '--ssh-port', '30000', '--netconf-port', '30005'],
      /SSH ports 30000-30009 and NETCONF ports 30005-30014 overlap; choose a --netconf-port of 30010 or more/,
    ],
    [
      ['up', 'routers-10', '--bind', 'port', '--ssh-port', '30000', '--netconf-port', '65530'],
      /NETCONF ports 65530-65539 run past 65535; choose a lower --netconf-port/,
    ],
  ])('%j exits 2 with a clear message', async (argv, message) => {
    const captured = captureIO();
    expect(await runCli(argv, captured.io)).toBe(2);
    expect(captured.err).toMatch(message);
  });
});
