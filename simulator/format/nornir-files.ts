/** Where a Nornir inventory's three files are: shared by the fleet that writes them and the client that reads them. */
import { basename, dirname, extname, join } from 'node:path';

/**
 * Where the groups and defaults files go: next to the hosts file, named as Nornir's defaults when
 * it is `hosts*.yaml` (`hosts.yaml` → `groups.yaml`, `defaults.yaml`), else `<name>-groups.yaml`.
 */
export function nornirCompanionPaths(file: string): { groups: string; defaults: string } {
  const dir = dirname(file);
  const base = basename(file);
  if (/^hosts/.test(base))
    return {
      groups: join(dir, base.replace(/^hosts/, 'groups')),
      defaults: join(dir, base.replace(/^hosts/, 'defaults')),
    };
  const ext = extname(base) || '.yaml';
  const stem = extname(base) ? base.slice(0, -ext.length) : base;
  return { groups: join(dir, `${stem}-groups${ext}`), defaults: join(dir, `${stem}-defaults${ext}`) };
}
