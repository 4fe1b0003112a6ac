/** Types for the test that runs the layering rules (test/lint/layering.test.ts). */
import type { Linter } from 'eslint';

export declare const layering: Linter.Config[];
declare const config: Linter.Config[];
export default config;
