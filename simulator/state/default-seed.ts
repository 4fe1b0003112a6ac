/** The default seed when neither the topology nor the caller gives one; light, for help texts. */
export const DEFAULT_SEED = 1;
