/** Which renderer answers which show command. */
import type { RenderContext } from '../../device/render-context.js';
import * as render from './render/index.js';

type Renderer = (ctx: RenderContext) => string;

export const IOS_RENDERERS: Record<string, Renderer> = {
  'show cdp neighbors': render.renderShowCdpNeighbors,
  'show cdp neighbors detail': render.renderShowCdpNeighborsDetail,
  'show lldp neighbors': render.renderShowLldpNeighbors,
  'show lldp neighbors detail': render.renderShowLldpNeighborsDetail,
  'show ip arp': render.renderShowIpArp,
  'show arp': render.renderShowArp,
  'show version': render.renderShowVersion,
  'show memory statistics': render.renderShowMemoryStatistics,
  'show processes memory sorted': render.renderShowProcessesMemorySorted,
  'show platform software status control-processor brief':
    render.renderShowPlatformSoftwareStatusControlProcessorBrief,
  'show ip interface brief': render.renderShowIpInterfaceBrief,
  'show interfaces status': render.renderShowInterfacesStatus,
  'show running-config': render.renderShowRunningConfig,
  'show clock': render.renderShowClock,
};
