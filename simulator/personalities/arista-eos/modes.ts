/** EOS command modes the command tables share. */

export const EXEC = ['user', 'enable'] as const;
export const CONFIG = ['config'] as const;
export const SUBMODES = ['config-if', 'config-vlan', 'config-router'] as const;
export const ANY_CONFIG = [...CONFIG, ...SUBMODES];
/** EOS runs exec commands (show …) in every mode, no `do` needed. */
export const EVERYWHERE = [...EXEC, ...ANY_CONFIG];
/** Modes where privileged commands work. */
export const PRIVILEGED = ['enable', ...ANY_CONFIG];
