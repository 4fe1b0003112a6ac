/** Small helpers for the YAML inventories: scalars quoted as JSON, keys bare when YAML reads them back unchanged. */

/** A YAML scalar: JSON's quoting is valid YAML and keeps `yes`, `0x1` or `a: b` strings strings. */
export const q = (s: string | number) => JSON.stringify(s);

/** A mapping key, bare when it is plainly a name. */
export const key = (s: string) => (/^[A-Za-z_][\w./-]*$/.test(s) ? s : JSON.stringify(s));

/** A group name from a label (`rack: 1` → `rack_1`): Ansible warns about group names beyond [A-Za-z0-9_]. */
export const labelGroup = (name: string, value: string) => `${name}_${value}`.replace(/\W/g, '_');

/** Label groups and their members, sorted by group name. */
export function labelGroups(
  devices: ReadonlyArray<{ name: string; labels?: Record<string, string> }>,
): Array<[string, string[]]> {
  const groups = new Map<string, string[]>();
  for (const d of devices)
    for (const [name, value] of Object.entries(d.labels ?? {})) {
      const group = labelGroup(name, value);
      groups.set(group, [...(groups.get(group) ?? []), d.name]);
    }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
