/** `show ipv6 interface`: no port carries IPv6 here, so only the VRF header prints. */
import type { RenderContext } from '../../../device/render-context.js';

/** Renders `show ipv6 interface` of a box without IPv6 addresses. */
export const renderShowIpv6Interface = (_ctx: RenderContext): string =>
  'IPv6 Interface Status for VRF "default"';
