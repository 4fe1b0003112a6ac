/**
 * NX-API's own codes and messages (the "Table of NX-API Response Codes" of Cisco's NX-OS
 * programmability guides; "Input CLI command error", "CLI execution error" and "Structured output
 * unsupported" also in cisco/cisco-nxapi tests and the Cisco sample of `show clock`; the pipe
 * message, typo included, from an NX-API answer quoted in ansible/ansible#27383). The two 413s are
 * the table's EXCEED_MAX_SHOW_ERR and RESP_SIZE_LARGE_ERR.
 */
export const NXAPI = {
  success: { code: '200', msg: 'Success' },
  cliError: { code: '400', msg: 'Input CLI command error' },
  confError: { code: '400', msg: 'CLI execution error' },
  noInput: { code: '400', msg: 'No input command' },
  badRequest: { code: '400', msg: 'Server internal error.' },
  noStructured: { code: '501', msg: 'Structured output unsupported' },
  pipe: { code: '501', msg: 'Pipe is not allowed for this messge type' },
  badType: { code: '501', msg: 'Message type not supported' },
  chunkXmlOnly: { code: '501', msg: 'Chunking allows only XML output' },
  tooManyShows: {
    code: '413',
    msg: 'Maximum number of consecutive show commands exceeded. The maximum is 10.',
  },
  replyTooLarge: {
    code: '413',
    msg: 'Response size stopped processing because it exceeded the maximum message size. The maximum is 10 MB.',
  },
} as const;
