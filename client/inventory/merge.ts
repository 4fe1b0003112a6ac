/**
 * Several inventories as one: the parts shards of one fleet wrote (`up --shard i/n --inventory`),
 * joined in the order given, each file's devices in its own order. A device named in two files is
 * refused with both places: two shards were likely given the same index.
 */
import { readFile } from 'node:fs/promises';
import type { SourceLocation } from '../../simulator/errors.js';
import { isObject } from '../../simulator/format/guards.js';
import { parseSource, renderPath } from '../../simulator/topology/source.js';
import { loadInventory } from '../inventory.js';
import { createSourceError } from '../source-error.js';
import type { Target } from '../target.js';

/** A device of a JSON inventory as `up` wrote it (checked by loadInventory), kept field for field. */
export type WrittenDevice = { name: string } & Record<string, unknown>;

/** `check --inventory a.json --inventory b.json`: the targets of every file, duplicates refused. */
export async function loadInventories(paths: readonly string[]): Promise<Target[]> {
  const parts: Array<{ file: string; names: string[]; targets: Target[] }> = [];
  for (const file of paths) {
    const targets = await loadInventory(file);
    parts.push({ file, names: targets.map((t) => t.name), targets });
  }
  await checkDuplicates(parts);
  return parts.flatMap((p) => p.targets);
}

/**
 * `inventory merge`: JSON inventories as `up --inventory` writes them, joined. Each file is first
 * read as any inventory is (a bad device is a located INVENTORY_INVALID), then its devices are
 * kept as written, so the merged file says what the parts said.
 */
export async function mergeFleetInventories(paths: readonly string[]): Promise<WrittenDevice[]> {
  const parts: Array<{ file: string; names: string[]; devices: WrittenDevice[] }> = [];
  for (const file of paths) {
    await loadInventory(file);
    const text = await readFile(file, 'utf8');
    const { source } = parseSource(text, file);
    const data = source?.data;
    if (!isObject(data) || !Array.isArray(data.devices))
      throw createSourceError('INVENTORY_INVALID', [
        {
          code: 'TYPE_INVALID',
          message:
            'inventory merge joins JSON inventories as `up --inventory` writes them ({"devices": […]}); convert other formats with up --inventory-format',
          path: '',
          location: { file, line: 1, column: 1 },
        },
      ]);
    const devices = data.devices as WrittenDevice[];
    parts.push({ file, names: devices.map((d) => d.name), devices });
  }
  await checkDuplicates(parts);
  return parts.flatMap((p) => p.devices);
}

/** The first device named twice (names compare case-blind, as devices' hostnames do). */
async function checkDuplicates(parts: ReadonlyArray<{ file: string; names: string[] }>): Promise<void> {
  const seen = new Map<string, { file: string; index: number }>();
  for (const { file, names } of parts)
    for (const [index, name] of names.entries()) {
      const first = seen.get(name.toLowerCase());
      if (!first) {
        seen.set(name.toLowerCase(), { file, index });
        continue;
      }
      const earlier = await locateDevice(first.file, first.index);
      const where = first.file === file ? 'earlier in this file' : `in ${first.file}`;
      throw createSourceError('INVENTORY_INVALID', [
        {
          code: 'NAME_INVALID',
          message: `device "${name}" is also ${where} (${earlier.line}:${earlier.column}); every device may be in one of the merged inventories only (did two shards get the same --shard i/n?)`,
          path: renderPath(['devices', index, 'name']),
          location: await locateDevice(file, index),
        },
      ]);
    }
}

/** Where device `index` of a file is named: exact in `{"devices": […]}` files, else the file's start. */
async function locateDevice(file: string, index: number): Promise<SourceLocation> {
  const fallback = { file, line: 1, column: 1 };
  if (/^https?:\/\//i.test(file) || /\.csv$/i.test(file)) return fallback;
  const text = await readFile(file, 'utf8').catch(() => undefined);
  const source = text === undefined ? undefined : parseSource(text, file).source;
  if (!source || !isObject(source.data) || !Array.isArray(source.data.devices)) return fallback;
  return source.locate(['devices', index, 'name']);
}
