/**
 * NX-OS output filters: IOS's include/exclude/begin/section/count, `no-more`, and the structured
 * formats `json`, `json-pretty` and `xml`, which the command prints itself from its model.
 */
import { IOS_PIPES, type PipeSpec } from '../../engine/pipes.js';

const identity: PipeSpec['create'] = () => (text) => text;

const format = (name: string): PipeSpec => ({ argument: false, create: identity, format: name });

export const NXOS_PIPES: Readonly<Record<string, PipeSpec>> = {
  ...IOS_PIPES,
  'no-more': { argument: false, create: identity, noPaging: true },
  json: format('json'),
  'json-pretty': format('json-pretty'),
  xml: format('xml'),
};

/** The formats a command with a structured model prints. */
export const STRUCTURED_FORMATS: readonly string[] = ['json', 'json-pretty', 'xml'];
