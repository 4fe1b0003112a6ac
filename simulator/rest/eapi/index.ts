/** Arista eAPI (`POST /command-api`), the REST API of arista_eos devices. */
export { eapi } from './api.js';
