/** `labfleet demo`, what `npm start` runs: both timings, a labelled extrapolation, the verdict. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../client/cli/program.js';
import { captureIO } from '../helpers.js';

async function demo(...argv: string[]) {
  const captured = captureIO();
  const code = await runCli(['demo', '--latency', '0ms', '--sample', '3', ...argv], captured.io);
  return { code, out: captured.out, err: captured.err };
}

describe('labfleet demo', () => {
  it('checks lab-100 sequentially (a labelled extrapolation) and concurrently, and gives the verdict', async () => {
    const { code, out } = await demo('--ssh-port', '0');
    expect(out).toMatch(/^lab-100: 100 devices up over SSH in \d+\.\d\d s\.\n/);
    expect(out).toMatch(
      /Sequentially \(one device after the other\), 3 of 100 devices:\n( {2}\S+ +\d+\.\d\d s +[░▒█ ·]+\n){3} {2}It took .* for 3 devices/,
    );
    expect(out).toMatch(/all 100 devices would take about \d+\.\d s \(extrapolated from the sample\)/);
    expect(out).toMatch(/Concurrently \(all 100 devices at once\):\n {2}It took \d+\.\d\d s for 100 devices/);
    expect(out).toMatch(/\d+x faster than the extrapolated sequential run/);
    expect(out).toMatch(
      / {2}sequential \(extrapolated\) {2}█{42} {2}\d+\.\d s\n {2}concurrent {17}█*[▏▎▍▌▋▊▉]? +\d+\.\d s\n/,
    );
    expect(out).toContain('Cabling 100% coincides with the documentation!');
    expect(out.match(/It took/g)).toHaveLength(2);
    expect(code).toBe(0);
  }, 60_000);

  it('--inject-drift: the checker catches exactly the injected swap, unplugged and extra cables', async () => {
    const { code, out } = await demo('--ssh-port', '0', '--inject-drift');
    expect(code).toBe(1);
    expect(out.match(/^Injected drift: /gm)).toHaveLength(3);
    const findings = out
      .split('\n')
      .filter((l) => /^(SWAPPED|MISSING|UNEXPECTED|MOVED|MISWIRED|ONE-SIDED|UNVERIFIABLE)/.test(l));
    expect(findings.map((l) => l.split(' ')[0])).toEqual(['SWAPPED', 'MISSING', 'UNEXPECTED']);
  }, 60_000);

  it('--transport rest: the same drift caught through each platform API', async () => {
    const { code, out } = await demo(
      '--ssh-port',
      '0',
      '--rest-port',
      '0',
      '--transport',
      'rest',
      '--inject-drift',
    );
    expect(out).toMatch(/^lab-100: 100 devices up over SSH and REST in \d+\.\d\d s\.\n/);
    expect(code).toBe(1);
    const findings = out.split('\n').filter((l) => /^[A-Z-]{6,} /.test(l));
    expect(findings.map((l) => l.split(' ')[0])).toEqual(['SWAPPED', 'MISSING', 'UNEXPECTED']);
  }, 60_000);

  it('--transport netconf: the same drift caught through each platform model', async () => {
    const { code, out } = await demo('--ssh-port', '0', '--transport', 'netconf', '--inject-drift');
    expect(out).toMatch(/^lab-100: 100 devices up over SSH and NETCONF in \d+\.\d\d s\.\n/);
    expect(code).toBe(1);
    const findings = out.split('\n').filter((l) => /^[A-Z-]{6,} /.test(l));
    expect(findings.map((l) => l.split(' ')[0])).toEqual(['SWAPPED', 'MISSING', 'UNEXPECTED']);
  }, 60_000);
});
