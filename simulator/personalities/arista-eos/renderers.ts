/** Which renderer answers which EOS show command. */
import type { RenderContext } from '../../device/render-context.js';
import * as render from './render/index.js';

type Renderer = (ctx: RenderContext) => string;

export const EOS_RENDERERS: Record<string, Renderer> = {
  'show lldp neighbors': render.renderShowLldpNeighbors,
  'show lldp neighbors detail': render.renderShowLldpNeighborsDetail,
  'show ip arp': render.renderShowIpArp,
  'show version': render.renderShowVersion,
  'show interfaces status': render.renderShowInterfacesStatus,
  'show running-config': render.renderShowRunningConfig,
  'show running-config all': render.renderShowRunningConfigAll,
  'show clock': render.renderShowClock,
  'show hostname': render.renderShowHostname,
};
