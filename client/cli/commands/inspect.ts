/** `labfleet inspect <lab> [--json]`: where a running lab's devices listen, and its control URL. */
import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import { describeLab, findLab } from '../labs.js';
import { controlUrl, renderTable } from './ls.js';

export function registerInspect(program: Command, io: CliIO): void {
  program
    .command('inspect')
    .description("a running lab's devices, addresses, ports and control URL")
    .argument('<lab>', 'the lab name (labfleet ls lists them)')
    .option('--json', 'print the lab record as JSON')
    .action(async (name: string, options: { json?: boolean }) => {
      const lab = (await findLab(name))!;
      if (options.json) return io.out(JSON.stringify(lab, null, 2) + '\n');
      io.out(`${describeLab(lab)}\n`);
      io.out(`topology: ${lab.topology.file}\n`);
      if (lab.state !== 'running') return;
      const { ssh, rest, netconf } = lab.ports!;
      io.out(
        `bind: ${lab.bind}; first ports: SSH ${ssh}` +
          (lab.serves!.rest ? `, REST ${rest} (${lab.rest_plain ? 'HTTP' : 'HTTPS'})` : '') +
          (lab.serves!.netconf ? `, NETCONF ${netconf}` : '') +
          `; control: ${controlUrl(lab)}\n`,
      );
      io.out(`next: labfleet check --lab ${lab.name}\n\n`);
      io.out(
        renderTable([
          ['DEVICE', 'PLATFORM', 'HOST', 'SSH', 'REST', 'NETCONF'],
          ...lab.devices!.map((d) => [
            d.name,
            d.platform,
            d.host,
            d.port === undefined ? '-' : String(d.port),
            d.rest_url ?? '-',
            d.netconf_port === undefined ? '-' : String(d.netconf_port),
          ]),
        ]),
      );
    });
}
