/** Topology generators: seeded shapes written as YAML. */
export { generateLeafSpine, type LeafSpineOptions } from './leaf-spine.js';
export { generateRacks, type RacksOptions } from './racks.js';
export { generateRandom, type RandomOptions } from './random.js';
export { generateRing, type RingOptions } from './ring.js';
export { renderTopologyYaml } from './emit.js';
export type { GeneratedTopology, CommonOptions } from './model.js';
