/** What NX-OS says about its hardware, by model: chassis name, CPU, BIOS, bootflash. */
import type { RenderContext } from '../../../device/render-context.js';

export interface NxosHardware {
  chassis: string;
  cpu: string;
  cpus: number;
  bios: string;
  biosCompiled: string;
  bootflashKb: number;
}

const HARDWARE: Readonly<Record<string, NxosHardware>> = {
  'N9K-C93180YC-EX': {
    chassis: 'cisco Nexus9000 C93180YC-EX chassis',
    cpu: 'Intel(R) Xeon(R) CPU  @ 1.80GHz',
    cpus: 4,
    bios: '07.69',
    biosCompiled: '04/08/2021',
    bootflashKb: 53_298_520,
  },
  'N9K-C9336C-FX2': {
    chassis: 'cisco Nexus9000 C9336C-FX2 Chassis',
    cpu: 'Intel(R) Xeon(R) CPU D-1526 @ 1.80GHz',
    cpus: 4,
    bios: '05.45',
    biosCompiled: '06/08/2021',
    bootflashKb: 115_805_708,
  },
  'N9K-C9508': {
    chassis: 'cisco Nexus9000 C9508 (8 Slot) Chassis ("Supervisor Module-B")',
    cpu: 'Intel(R) Xeon(R) CPU D-1528 @ 1.90GHz',
    cpus: 6,
    bios: '05.42',
    biosCompiled: '06/14/2020',
    bootflashKb: 53_298_520,
  },
  'N3K-C3172PQ-10GE': {
    chassis: 'cisco Nexus3000 C3172PQ-10GE Chassis',
    cpu: 'Intel(R) Pentium(R) CPU  @ 2.00GHz',
    cpus: 2,
    bios: '5.2.1',
    biosCompiled: '09/15/2017',
    bootflashKb: 3_921_920,
  },
};

export function nxosHardware(ctx: RenderContext): NxosHardware {
  return HARDWARE[ctx.state.model] ?? HARDWARE['N9K-C93180YC-EX']!;
}

/** Memory the kernel reports, kB (the model's memory, the same figure everywhere). */
export const totalKb = (ctx: RenderContext): number => Math.floor(ctx.memory.totalBytes / 1024);
