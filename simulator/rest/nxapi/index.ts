/** PLACEHOLDER until the nxapi API lands: answers 501 to everything. */
import type { RestApi } from '../types.js';

const notYet = () => ({
  status: 501,
  headers: { 'content-type': 'text/plain' },
  body: 'not implemented\n',
  commands: [],
});

export const nxapi: RestApi = {
  name: 'nxapi',
  handle: notYet,
  refuse: notYet,
};
