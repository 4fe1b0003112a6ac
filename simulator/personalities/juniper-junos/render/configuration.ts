/** `show configuration`: the committed configuration in curly-brace form. */
import type { RenderContext } from '../../../device/render-context.js';

const indent = (depth: number, text: string) => `${'    '.repeat(depth)}${text}`;

function interfaces(ctx: RenderContext): string[] {
  return ctx.state.interfaces
    .filter((i) => i.address || ctx.config.interfaces.has(i.name))
    .flatMap((i) => {
      const changes = ctx.config.interfaces.get(i.name);
      return [
        indent(1, `${i.name} {`),
        ...(changes?.description ? [indent(2, `description "${changes.description}";`)] : []),
        ...(changes?.shutdown ? [indent(2, 'disable;')] : []),
        ...(i.address
          ? [
              indent(2, 'unit 0 {'),
              indent(3, 'family inet {'),
              indent(4, `address ${i.address.ip}/${i.address.prefix};`),
              indent(3, '}'),
              indent(2, '}'),
            ]
          : []),
        indent(1, '}'),
      ];
    });
}

export function renderShowConfiguration(ctx: RenderContext): string {
  const booted = new Date(ctx.now - ctx.uptimeSeconds * 1000 + 60_000);
  const stamp = booted.toISOString().replace('T', ' ').slice(0, 19);
  const extra = ctx.config.lines.map((l) => `## ${l}`);
  return [
    `## Last commit: ${stamp} UTC by root`,
    `version ${ctx.state.version};`,
    'system {',
    indent(1, `host-name ${ctx.config.hostname};`),
    indent(1, 'services {'),
    indent(2, 'ssh;'),
    indent(2, 'netconf {'),
    indent(3, 'ssh;'),
    indent(2, '}'),
    indent(1, '}'),
    '}',
    'interfaces {',
    ...interfaces(ctx),
    '}',
    'protocols {',
    indent(1, 'lldp {'),
    ...(ctx.state.protocols.lldp ? [indent(2, 'interface all;')] : [indent(2, 'disable;')]),
    indent(1, '}'),
    '}',
    ...extra,
  ].join('\n');
}
