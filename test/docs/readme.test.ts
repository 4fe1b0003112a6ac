/** The README's command list is each platform's show table, no more and no less. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EOS_SHOWS } from '../../simulator/personalities/arista-eos/shows.js';
import { IOS_SHOWS } from '../../simulator/personalities/cisco-ios/shows.js';
import { NXOS_SHOWS } from '../../simulator/personalities/cisco-nxos/shows.js';
import { JUNOS_SHOWS } from '../../simulator/personalities/juniper-junos/shows.js';
import type { ShowCommand } from '../../simulator/personalities/show-table.js';
import { ROOT } from '../helpers.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('### Commands per platform'));

/** The backticked commands of a platform's bullet, up to its "Also". */
function listed(platform: string): string[] {
  const bullet = section.split('\n').find((line) => line.startsWith(`- **${platform}**: `)) ?? '';
  const shows = bullet.slice(0, bullet.indexOf('. Also '));
  return [...shows.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
}

describe('README: commands per platform', () => {
  it.each<[string, readonly ShowCommand[]]>([
    ['Cisco IOS / IOS-XE', IOS_SHOWS],
    ['Cisco NX-OS', NXOS_SHOWS],
    ['Arista EOS', EOS_SHOWS],
    ['Juniper Junos', JUNOS_SHOWS],
  ])('%s lists exactly its show table', (platform, table) => {
    expect(listed(platform)).toEqual(table.map((row) => row.command));
  });
});
