/** The bundled topology commands use when none is named; a module of its own so help texts load nothing else. */
export const DEFAULT_TOPOLOGY = 'lab-100';
