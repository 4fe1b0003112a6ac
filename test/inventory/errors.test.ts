/**
 * Bad inventory files of each format: INVENTORY_INVALID, saying file:line:column, the path or
 * field, and the diagnostic's code (what is wrong; the wording is not asserted).
 */
import { join } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../../simulator/errors.js';
import { describe, expect, it } from 'vitest';
import { loadInventory } from '../../client/inventory.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/inventory');

/** The error's code and its first diagnostic as the CLI prints it. */
async function failureOf(file: string): Promise<{ code: string; message: string }> {
  try {
    await loadInventory(file);
  } catch (error) {
    const { code, diagnostics } = error as { code: string; diagnostics: Diagnostic[] };
    return { code, message: formatDiagnostic(diagnostics[0]!) };
  }
  throw new Error(`${file} loaded`);
}

describe('bad inventory files', () => {
  it.each<[file: string, line: number, column: number, path: string, diagnostic: string]>([
    ['json-syntax.json', 3, 66, '', 'YAML_SYNTAX'],
    ['json-platform.json', 6, 19, 'devices[1].platform', 'VALUE_INVALID'],
    // An Object property is no platform.
    ['json-platform-prototype.json', 1, 41, 'devices[0].platform', 'VALUE_INVALID'],
    ['json-port.json', 2, 80, 'devices[0].port', 'VALUE_INVALID'],
    ['json-host-missing.json', 4, 5, 'devices[1]', 'KEY_MISSING'],
    ['json-device-type.json', 3, 5, 'devices[0]', 'TYPE_INVALID'],
    ['json-shape.json', 1, 1, '', 'TYPE_INVALID'],
    ['empty.yaml', 1, 1, '', 'EMPTY'],
    // A group's variable is located where the group sets it.
    ['ansible-os.yaml', 5, 29, 'all.children.routers.vars.ansible_network_os', 'VALUE_INVALID'],
    ['ansible-port.yaml', 9, 25, 'all.children.switches.hosts.sw1.ansible_port', 'VALUE_INVALID'],
    ['ansible-syntax.yaml', 5, 1, '', 'YAML_SYNTAX'],
    ['ansible-hosts-type.yaml', 5, 9, 'all.children.routers.hosts', 'TYPE_INVALID'],
    // Nornir: the hosts file, and a group the groups file next to it does not define.
    ['nornir-port.yaml', 4, 9, 'r1.port', 'VALUE_INVALID'],
    ['nornir-group.yaml', 3, 23, 'r1.groups[1]', 'VALUE_INVALID'],
    // CSV: the cell's line (blank lines counted) and column; the path is the column's name.
    ['csv-platform.csv', 4, 4, 'platform', 'VALUE_INVALID'],
    ['csv-port.csv', 3, 30, 'port', 'VALUE_INVALID'],
    ['csv-host-empty.csv', 2, 15, 'hostname', 'KEY_MISSING'],
    ['csv-short-row.csv', 2, 1, '', 'KEY_MISSING'],
  ])('%s: line %i, column %i', async (name, line, column, path, diagnostic) => {
    const file = join(FIXTURES, name);
    const error = await failureOf(file);
    expect(error.code).toBe('INVENTORY_INVALID');
    const where = `${file}:${line}:${column}: ${path ? `${path}: ` : ''}`;
    expect(error.message.slice(0, where.length)).toBe(where);
    expect(error.message).toMatch(new RegExp(` \\[${diagnostic}\\]$`));
  });

  it('names the valid values', async () => {
    expect((await failureOf(join(FIXTURES, 'json-platform.json'))).message).toContain(
      'cisco_ios, cisco_nxos, arista_eos, juniper_junos',
    );
    expect((await failureOf(join(FIXTURES, 'ansible-os.yaml'))).message).toContain('cisco.ios.ios');
    expect((await failureOf(join(FIXTURES, 'csv-port.csv'))).message).toContain('1-65535');
    expect((await failureOf(join(FIXTURES, 'nornir-group.yaml'))).message).toContain('valid: cisco_ios');
  });

  it("locates a Nornir host's inherited value in the groups file that sets it", async () => {
    const { message } = await failureOf(join(FIXTURES, 'nornir-inherited.yaml'));
    expect(message).toMatch(
      /nornir-inherited-groups\.yaml:4:13: routers\.platform: .*nxos_ssh.* \[VALUE_INVALID\]$/,
    );
  });
});
