/** `labfleet down <lab>` / `down --all`: stop running labs as Ctrl-C would, and wait until they are gone. */
import type { Command } from 'commander';
import { LabfleetError } from '../../../simulator/errors.js';
import type { CliIO } from '../io.js';
import { findLab, listLabs, stopLab } from '../labs.js';
import { parseDurationOption } from '../options.js';

export function registerDown(program: Command, io: CliIO): void {
  program
    .command('down')
    .description('stop a running lab (SIGTERM) and wait until it is gone')
    .argument('[lab]', 'the lab name (labfleet ls lists them)')
    .option('--all', 'stop every running lab')
    .option('--wait <duration>', 'how long to wait for each lab to stop', '10s')
    .action(async (name: string | undefined, options: { all?: boolean; wait: string }) => {
      const waitMs = parseDurationOption('--wait', options.wait, { min: 1 });
      if ((name === undefined) === !options.all)
        throw new LabfleetError(
          'USAGE',
          name === undefined ? 'down: name the lab to stop, or --all' : 'down: a lab name or --all, not both',
        );
      const labs = options.all ? await listLabs() : [(await findLab(name))!];
      const results = await Promise.allSettled(labs.map((lab) => stopLab(lab, waitMs)));
      results.forEach((r, i) => {
        if (r.status === 'fulfilled') io.out(`lab ${labs[i]!.name} stopped (pid ${labs[i]!.pid})\n`);
      });
      if (options.all && labs.length === 0) io.out('no labs running\n');
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    });
}
