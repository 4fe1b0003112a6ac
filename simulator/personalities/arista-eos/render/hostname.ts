/** `show hostname`: the configured hostname and the FQDN it makes with the device's domain. */
import type { RenderContext } from '../../../device/render-context.js';

export function hostnameFacts(ctx: RenderContext): { hostname: string; fqdn: string } {
  const { name, fqdn } = ctx.state;
  const domain = fqdn.startsWith(`${name}.`) ? fqdn.slice(name.length + 1) : '';
  const hostname = ctx.config.hostname;
  return { hostname, fqdn: domain ? `${hostname}.${domain}` : hostname };
}

/** `Hostname: sw1` / `FQDN:     sw1.example.com`. */
export function renderShowHostname(ctx: RenderContext): string {
  const { hostname, fqdn } = hostnameFacts(ctx);
  return `Hostname: ${hostname}\nFQDN:     ${fqdn}`;
}
