/**
 * Reading back what `collect neighbors --format json` wrote, one file per shard, to verify the
 * union (`check --collected`): a cable whose ends two shards served is only verifiable with both
 * ends' observations, so the shards' neighbours are joined before anything is verified. Every
 * field verification reads is checked; a bad file is a located REPORT_INVALID.
 */
import { z } from 'zod';
import { LabfleetError, type Diagnostic } from '../../simulator/errors.js';
import { PLATFORMS } from '../../simulator/topology/kinds/index.js';
import { diagnosticsFromIssues } from '../../simulator/topology/schema-issues.js';
import { parseSource, readSourceFile, renderPath } from '../../simulator/topology/source.js';
import type { DeviceResult } from '../collect.js';
import { jsonSyntaxDiagnostic } from './json-syntax.js';

const Neighbor = z.looseObject({
  protocol: z.enum(['cdp', 'lldp']),
  localInterface: z.string(),
  remoteDevice: z.string(),
  remoteInterface: z.string(),
});

/** A device's result: what verification reads is checked, the other facts ride along as written. */
const Device = z.looseObject({
  device: z.string().min(1),
  platform: z.enum(PLATFORMS),
  host: z.string(),
  port: z.number().int(),
  status: z.enum(['ok', 'skipped', 'error', 'interrupted']),
  ok: z.boolean(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  neighbors: z.array(Neighbor).optional(),
  seconds: z.number().min(0),
});

const Collected = z.looseObject({ devices: z.array(Device) });

const invalid = (file: string, diagnostics: Diagnostic[]) =>
  new LabfleetError(
    'REPORT_INVALID',
    `${file}: not what \`collect neighbors --format json\` writes: ${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} found`,
    { diagnostics },
  );

/** One file's device results; REPORT_INVALID with file:line:column diagnostics otherwise. */
export function readCollectedJson(text: string, file: string): DeviceResult[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw invalid(file, [jsonSyntaxDiagnostic(text, file, cause)]);
  }
  const result = Collected.safeParse(data, { reportInput: true });
  if (!result.success)
    throw invalid(file, diagnosticsFromIssues(result.error.issues, parseSource(text, file).source!));
  return result.data.devices.map((d) => ({ timeline: [], attempts: 1, ...d }));
}

/**
 * Every file's results, in the order given; a device in two files (two shards given the same
 * index) is refused, naming both places.
 */
export async function loadCollected(files: readonly string[]): Promise<DeviceResult[]> {
  const texts = new Map<string, string>();
  const seen = new Map<string, { file: string; index: number }>();
  const all: DeviceResult[] = [];
  for (const file of files) {
    const text = await readSourceFile(file, 'collected neighbours');
    texts.set(file, text);
    const results = readCollectedJson(text, file);
    for (const [index, result] of results.entries()) {
      const key = result.device.toLowerCase();
      const first = seen.get(key);
      if (first) {
        const at = (f: string, i: number) =>
          parseSource(texts.get(f)!, f).source!.locate(['devices', i, 'device']);
        const earlier = at(first.file, first.index);
        throw invalid(file, [
          {
            code: 'NAME_INVALID',
            message: `device "${result.device}" is also in ${first.file}:${earlier.line}:${earlier.column}; each device may be collected by one shard only (did two jobs get the same --shard i/n?)`,
            path: renderPath(['devices', index, 'device']),
            location: at(file, index),
          },
        ]);
      }
      seen.set(key, { file, index });
      all.push(result);
    }
  }
  return all;
}
