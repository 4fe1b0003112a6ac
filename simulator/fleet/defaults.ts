/** Fleet defaults that help texts print, apart from the fleet, so `up --help` loads no server. */
export const DEFAULT_MAX_SESSIONS = 5;
