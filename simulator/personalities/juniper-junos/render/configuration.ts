/**
 * `show configuration`: the committed configuration, built once as a statement tree that prints in
 * curly-brace form here and as `| display set|xml|json` in config-formats.ts.
 */
import type { RenderContext } from '../../../device/render-context.js';
import { isDisabled, junosDescription } from './ports.js';

/**
 * One configuration statement: a container (`system { … }`), a list entry (`unit 0 { … }`; under
 * `interfaces` the `interface` keyword is implied), a leaf (`host-name r1;`) or a flag (`disable;`).
 */
export interface ConfigStatement {
  /** The schema name (`interface`, `unit`, `host-name`, `ssh`). */
  name: string;
  /** The key of a list entry (`ge-0/0/1`, `0`, `10.0.0.1/31`). */
  key?: string;
  /** The value of a leaf; absent for containers, list entries and flags. */
  value?: string;
  /** Children of a container or list entry; `[]` is an empty container (`ssh;`). */
  children?: ConfigStatement[];
  /** The text form leaves the keyword out (`ge-0/0/1 {` under `interfaces`). */
  implied?: boolean;
  /** The text form quotes the value (`description "to r2";`). */
  quoted?: boolean;
  /** The text form puts the only child on this line (`family inet {`; XML `<family><inet>`). */
  folded?: boolean;
}

/** The committed configuration's header data. */
export interface JunosConfiguration {
  /** When and by whom it was committed. */
  commit: { seconds: number; localtime: string; user: string };
  statements: ConfigStatement[];
  /** Lines entered in configuration mode (`set …`, `delete …`), as typed. */
  entered: string[];
}

const container = (name: string, children: ConfigStatement[]): ConfigStatement => ({ name, children });
const entry = (name: string, key: string, children: ConfigStatement[], implied = false): ConfigStatement => ({
  name,
  key,
  children,
  ...(implied ? { implied } : {}),
});
const leaf = (name: string, value: string, quoted = false): ConfigStatement => ({
  name,
  value,
  ...(quoted ? { quoted } : {}),
});
const flag = (name: string): ConfigStatement => ({ name });

function interfaces(ctx: RenderContext): ConfigStatement[] {
  return ctx.state.interfaces
    .filter((i) => i.address || ctx.config.interfaces.has(i.name) || junosDescription(ctx, i))
    .map((i) => {
      const description = junosDescription(ctx, i);
      return entry(
        'interface',
        i.name,
        [
          ...(description ? [leaf('description', description, true)] : []),
          ...(isDisabled(ctx, i) ? [flag('disable')] : []),
          ...(i.address
            ? [
                entry('unit', '0', [
                  {
                    ...container('family', [
                      container('inet', [entry('address', `${i.address.ip}/${i.address.prefix}`, [])]),
                    ]),
                    folded: true,
                  },
                ]),
              ]
            : []),
        ],
        true,
      );
    });
}

/** The configuration the device committed at boot, plus what was changed since. */
export function junosConfiguration(ctx: RenderContext): JunosConfiguration {
  const committed = ctx.now - ctx.uptimeSeconds * 1000 + 60_000;
  return {
    commit: {
      seconds: Math.floor(committed / 1000),
      localtime: `${new Date(committed).toISOString().replace('T', ' ').slice(0, 19)} UTC`,
      user: 'root',
    },
    statements: [
      leaf('version', ctx.state.version),
      container('system', [
        leaf('host-name', ctx.config.hostname),
        container('services', [container('ssh', []), container('netconf', [container('ssh', [])])]),
      ]),
      container('interfaces', interfaces(ctx)),
      container('protocols', [
        container('lldp', ctx.state.protocols.lldp ? [entry('interface', 'all', [])] : [flag('disable')]),
      ]),
    ],
    entered: [...ctx.config.lines],
  };
}

const indent = (depth: number, text: string) => `${'    '.repeat(depth)}${text}`;

/** `host-name r1`, `unit 0`, `ge-0/0/1`, `description "x"`: a statement's words in text form. */
export function statementWords(s: ConfigStatement): string {
  const words = s.implied ? [] : [s.name];
  if (s.key !== undefined) words.push(s.key);
  if (s.value !== undefined) words.push(s.quoted ? `"${s.value}"` : s.value);
  return words.join(' ');
}

function textLines(s: ConfigStatement, depth: number): string[] {
  const only = s.folded && s.children?.length === 1 ? s.children[0]! : undefined;
  if (only) return textLines({ ...only, name: `${s.name} ${only.name}` }, depth);
  const words = statementWords(s);
  if (!s.children || s.children.length === 0) return [indent(depth, `${words};`)];
  return [
    indent(depth, `${words} {`),
    ...s.children.flatMap((c) => textLines(c, depth + 1)),
    indent(depth, '}'),
  ];
}

export function renderShowConfiguration(ctx: RenderContext): string {
  const config = junosConfiguration(ctx);
  return [
    `## Last commit: ${config.commit.localtime} by ${config.commit.user}`,
    ...config.statements.flatMap((s) => textLines(s, 0)),
    ...config.entered.map((l) => `## ${l}`),
  ].join('\n');
}
