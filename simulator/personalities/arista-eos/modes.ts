/** EOS command modes and the grammar shorthand the command tables share. */
import type { GrammarToken } from '../../engine/types.js';

export const EXEC = ['user', 'enable'] as const;
export const CONFIG = ['config'] as const;
export const SUBMODES = ['config-if', 'config-vlan', 'config-router'] as const;
export const ANY_CONFIG = [...CONFIG, ...SUBMODES];
/** EOS runs exec commands (show …) in every mode, no `do` needed. */
export const EVERYWHERE = [...EXEC, ...ANY_CONFIG];
/** Modes where privileged commands work. */
export const PRIVILEGED = ['enable', ...ANY_CONFIG];

/** Grammar shorthand: `k('show', 'Display details of switch operation')`. */
export const k = (keyword: string, help: string): GrammarToken => ({ keyword, help });
export const rest = (name: string, help: string): GrammarToken => ({ param: 'rest', name, help });
export const num = (name: string, help: string, min: number, max: number): GrammarToken => ({
  param: 'number',
  name,
  help,
  min,
  max,
});
