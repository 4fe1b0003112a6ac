/**
 * The one catalogue of error codes (fastify's model): every code an error can carry, what it means
 * and how the CLI exits on it. The code unions are derived from these tables, so a code cannot
 * exist without its meaning and exit code.
 */

/**
 * Exit codes of the contract: 0 success, 1 mismatches found, 2 usage/topology/connection-wide error,
 * 130 interrupted by Ctrl-C (128 + SIGINT, as shells report it) or SIGTERM.
 */
export const EXIT = { OK: 0, MISMATCH: 1, USAGE: 2, INTERRUPTED: 130 } as const;

/** One of the contract's exit codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What a catalogue entry must say: when the code is thrown, and the exit code it ends the CLI with. */
export interface ErrorCodeEntry {
  readonly when: string;
  readonly exit: ExitCode;
}

/**
 * Codes of thrown errors (`LabfleetError.code`), with the CLI's exit code for each. Per-device
 * failures (CONNECT_*, AUTH_FAILED, TIMEOUT, …) are normally findings of a check, not thrown; when
 * one does reach the CLI it is a connection-wide error: 2.
 */
export const ERROR_CODES = {
  USAGE: { when: 'an option or argument is not valid', exit: 2 },
  FILE_UNREADABLE: {
    when: 'a topology, drift, inventory, documentation or key file cannot be read',
    exit: 2,
  },
  FILE_UNWRITABLE: {
    when: 'an output file (-o, --output, --inventory, --ready-file, --rest-cert) cannot be written',
    exit: 2,
  },
  TOPOLOGY_INVALID: { when: 'the topology fails validation; the diagnostics say where', exit: 2 },
  DRIFT_INVALID: { when: 'the drift overlay fails validation or does not apply', exit: 2 },
  FAULT_INVALID: {
    when: 'a fault (in a topology, a faults file or a control request) fails validation',
    exit: 2,
  },
  DEVICE_UNKNOWN: { when: 'a control request names a device the fleet does not serve', exit: 2 },
  FAULT_UNKNOWN: { when: 'a control request names a fault id that is not in force', exit: 2 },
  LAB_RUNNING: {
    when: 'up --name names a lab that is already running (the message says its pid and addresses)',
    exit: 2,
  },
  LAB_UNKNOWN: {
    when: 'no running lab has the name given to --lab, inspect or down (or it is still starting)',
    exit: 2,
  },
  LAB_STOP_FAILED: { when: 'a lab did not stop within the wait after down sent it SIGTERM', exit: 2 },
  CONTROL_REQUEST_INVALID: {
    when: 'a control API request is malformed: not JSON, too large, an unknown route or field',
    exit: 2,
  },
  CONTROL_UNAUTHORIZED: {
    when: 'the control API refused a request: its bearer token is missing or wrong',
    exit: 2,
  },
  CONTROL_UNREACHABLE: {
    when: '`labfleet ctl` finds nothing listening at the control URL, or no answer in time',
    exit: 2,
  },
  CONTROL_FAILED: {
    when: 'the control API could not carry out a request (500) or is stopping (503)',
    exit: 2,
  },
  LISTEN_FAILED: {
    when: 'the fleet cannot listen on an address (port in use, privileges)',
    exit: 2,
  },
  DESCRIPTORS_EXHAUSTED: {
    when: 'the fleet needs more listeners than the descriptor limits allow (checked before anything binds)',
    exit: 2,
  },
  INVENTORY_INVALID: {
    when: 'the inventory is malformed, or a device in it lacks what the transport needs',
    exit: 2,
  },
  DOCUMENTATION_INVALID: { when: 'the documentation file (--doc) cannot be parsed', exit: 2 },
  IMPORT_INVALID: {
    when: 'import cannot make a topology of its files (not the export it reads, bad rows, devices it cannot map); the diagnostics say where',
    exit: 2,
  },
  REPORT_INVALID: {
    when: 'a check report read back (graph --report) is not JSON, not a labfleet check report, another version, or has a bad field',
    exit: 2,
  },
  CONNECT_REFUSED: { when: 'a device refused the connection', exit: 2 },
  CONNECT_FAILED: { when: 'a device could not be connected to', exit: 2 },
  TLS_FAILED: {
    when: 'TLS could not be set up with a device (no TLS, or an untrusted certificate)',
    exit: 2,
  },
  AUTH_FAILED: { when: 'a device rejected the credentials', exit: 2 },
  TIMEOUT: { when: 'a device did not answer within --timeout', exit: 2 },
  SESSION_CLOSED: { when: 'a device closed the session', exit: 2 },
  COMMAND_FAILED: {
    when: 'a device refused a command or answered with something unparseable',
    exit: 2,
  },
  NO_DRIVER: { when: 'the client has no driver for a device platform', exit: 2 },
  INTERRUPTED: {
    when: 'Ctrl-C (SIGINT) or SIGTERM stopped a check, demo or collect; what had finished is reported',
    exit: 130,
  },
} as const satisfies Record<string, ErrorCodeEntry>;

/** Stable error codes: tests and scripts match on these, never on wording. */
export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * Codes of single findings inside TOPOLOGY_INVALID / DRIFT_INVALID. They are never an error's own
 * code, so they carry no exit code: the error that holds them decides.
 */
export const DIAGNOSTIC_CODES = {
  YAML_SYNTAX: 'the file is not valid YAML',
  JSON_SYNTAX: 'the file is not valid JSON (a check report read back)',
  KEY_DUPLICATE: 'the same key appears twice in one mapping',
  EMPTY: 'the file, or its node list, is empty',
  TYPE_INVALID: 'a value has the wrong type',
  VALUE_INVALID: 'a value is out of range or not one of the valid ones',
  KEY_UNKNOWN: 'a key the schema does not know',
  KEY_RESERVED: 'the key "__proto__", which JavaScript objects reserve: it would vanish silently',
  KEY_MISSING: 'a required key is absent',
  KIND_UNKNOWN: 'a node kind that is not supported',
  MODEL_UNKNOWN: 'a model that is not known for its kind',
  NAME_INVALID: 'a name that is not valid, or hostnames that differ only in case',
  DURATION_INVALID:
    'a duration that cannot be parsed, is negative, or is longer than a timer holds (2147483647 ms)',
  ADDRESS_INVALID: 'an IP address or prefix that is not valid',
  ADDRESS_DUPLICATE: 'two nodes share a management address',
  ADDRESS_OUTSIDE_POOL: 'a management address outside the mgmt pool',
  POOL_EXHAUSTED: 'the mgmt pool has too few addresses for the nodes',
  PROTOCOL_UNSUPPORTED: 'a protocol the node kind does not serve',
  ENDPOINT_INVALID: 'a link endpoint that is not "node:interface"',
  ENDPOINT_NODE_UNKNOWN: 'a link endpoint naming a node that does not exist',
  INTERFACE_INVALID: 'an interface name not valid for the node kind',
  INTERFACE_DUPLICATE: 'an interface used by two links',
  LINK_SELF: 'a link from an interface to itself',
  LINK_UNSUPPORTED:
    'a link labfleet cannot simulate: a LAN of three or more nodes, a link with no node, a LAG (netlab)',
  LAG_INVALID: 'LAG members that do not join the same two devices, or number a LAG differently',
  COMMAND_INVALID: 'a user-defined command whose words cannot be typed, or given twice',
  TEMPLATE_INVALID: 'a command template that does not parse or reads a variable that does not exist',
  DRIFT_PORT_UNCABLED: 'drift moves or unplugs a port that has no cable',
  DRIFT_PORT_IN_USE: 'drift plugs a cable into a port that already has one',
  DRIFT_NOOP: 'a drift item that would change nothing, e.g. a cable from a port to itself',
  FAULT_KIND_UNKNOWN: 'a fault kind that does not exist',
  FAULT_DEVICE_UNKNOWN: 'a fault naming a device that is not a node of the topology',
  FAULT_TARGET_INVALID:
    'a fault giving both or neither of `devices` and `fraction`, or a `seed` without a fraction',
  FAULT_PORT_INVALID: 'a flap `port` that is not an interface name of the device',
} as const satisfies Record<string, string>;

/** Codes of topology and drift diagnostics. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** The exit code the CLI ends with when an error of this code reaches it. */
export function resolveExitCode(code: ErrorCode): ExitCode {
  return ERROR_CODES[code].exit;
}
