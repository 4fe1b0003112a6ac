/** Every fault kind, in the order the docs present them; no schema here, so help texts stay light. */
export const FAULT_KINDS = [
  'down',
  'hang',
  'slow-banner',
  'auth-fail',
  'drop-mid-output',
  'command-hang',
  'garble',
  'flap',
  'vty-full',
  'slow',
  'reboot',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];
