/** Driver for this platform: not written yet (the registry skips an undefined one). */
import type { PlatformDriver } from './types.js';

export const ciscoNxosDriver: PlatformDriver | undefined = undefined;
