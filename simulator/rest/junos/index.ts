/** The Junos REST API of `juniper_junos` devices. */
export { junosRest, MULTIPART_BOUNDARY } from './api.js';
