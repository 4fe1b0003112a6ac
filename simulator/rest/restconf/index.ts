/** IOS-XE RESTCONF for `cisco_ios` devices. */
export { restconf } from './api.js';
