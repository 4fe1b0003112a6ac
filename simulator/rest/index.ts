/** Which REST API each platform serves, as its kind declares (`api` in the kinds registry). */
import type { DeviceRuntime } from '../device/runtime.js';
import { getKind } from '../topology/kinds/index.js';
import { eapi } from './eapi/index.js';
import { junosRest } from './junos/index.js';
import { nxapi } from './nxapi/index.js';
import { restconf } from './restconf/index.js';
import type { RestApi, RestApiName } from './types.js';

export type * from './types.js';

const APIS: Record<RestApiName, RestApi> = {
  restconf,
  nxapi,
  eapi,
  'junos-rest': junosRest,
};

/** The API a device serves. */
export function restApiFor(device: DeviceRuntime): RestApi {
  return APIS[getKind(device.node.platform).api];
}
