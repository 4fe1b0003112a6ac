/** What differs between IOS-XE hardware models in their output, as data (one row per model). */
import type { RenderContext } from '../../../device/render-context.js';

/** The model-specific figures and habits the renderers consult. */
export interface IosHardware {
  /** What follows the model in `show version`: `cisco C9300-48P (X86) processor with …`. */
  processor: string;
  /** The second figure of `with NNNK/RRRRK bytes of memory`. */
  ioMemoryKb: number;
  /** Catalyst switches: stack table, Vlan1, switchports, slot `1-RP0`, register 0x102. */
  catalyst: boolean;
  rom: string;
  /** The BOOTLDR line, `{train}` standing for the running major.minor; routers print none. */
  bootloader?: string;
  nvramKb: number;
  /** `show version` lines after the physical memory. */
  storage: readonly string[];
  /** The VRF the management port is hard-wired into, if any. */
  mgmtVrf?: string;
  cpus: number;
  /** Routers list their dedicated management port after the data ports. */
  mgmtLast: boolean;
  /** `show interfaces` `Hardware is …` of the data ports on routers (Catalyst ports name their speed). */
  portHardware?: string;
}

const CATALYST_9300: IosHardware = {
  processor: '(X86) processor',
  ioMemoryKb: 6147,
  catalyst: true,
  rom: 'IOS-XE ROMMON',
  bootloader: 'System Bootstrap, Version {train}.1r, RELEASE SOFTWARE (P)',
  nvramKb: 2048,
  storage: ['1638400K bytes of Crash Files at crashinfo:.', '11264000K bytes of Flash at flash:.'],
  mgmtVrf: 'Mgmt-vrf',
  cpus: 4,
  mgmtLast: false,
};

const HARDWARE: Readonly<Record<string, IosHardware>> = {
  'C9300-48P': CATALYST_9300,
  'C9300-24T': CATALYST_9300,
  'C9500-48Y4C': {
    ...CATALYST_9300,
    nvramKb: 32768,
    storage: ['11161600K bytes of Bootflash at bootflash:.', '1638400K bytes of Crash Files at crashinfo:.'],
    cpus: 8,
  },
  'WS-C3850-48T': {
    ...CATALYST_9300,
    processor: '(MIPS) processor (revision AD0)',
    bootloader: 'CAT3K_CAA Boot Loader (CAT3K_CAA-HBOOT-M) Version 4.68, RELEASE SOFTWARE (P)',
    storage: ['250456K bytes of Crash Files at crashinfo:.', '1609272K bytes of Flash at flash:.'],
  },
  'ISR4451-X/K9': {
    processor: '(2RU) processor',
    ioMemoryKb: 6147,
    catalyst: false,
    rom: '16.9(4r)',
    nvramKb: 32768,
    storage: ['6684671K bytes of flash memory at bootflash:.'],
    mgmtVrf: 'Mgmt-intf',
    cpus: 4,
    mgmtLast: true,
    portHardware: 'ISR4451-X-4x1GE',
  },
  'ASR1001-X': {
    processor: '(1NG) processor (revision 1NG)',
    ioMemoryKb: 6147,
    catalyst: false,
    rom: '16.9(5r)',
    nvramKb: 32768,
    storage: ['6598655K bytes of eUSB flash at bootflash:.'],
    mgmtVrf: 'Mgmt-intf',
    cpus: 4,
    mgmtLast: true,
    portHardware: 'BUILT-IN-2T+6X1GE',
  },
  CSR1000V: {
    processor: '(VXE) processor (revision VXE)',
    ioMemoryKb: 3075,
    catalyst: false,
    rom: 'IOS-XE ROMMON',
    nvramKb: 32768,
    storage: ['6188032K bytes of virtual hard disk at bootflash:.'],
    cpus: 2,
    mgmtLast: false,
    portHardware: 'CSR vNIC',
  },
};

/** The hardware row of the device's model (a CSR1000V's for models the table does not know). */
export function iosHardware(ctx: RenderContext): IosHardware {
  return iosHardwareOf(ctx.state.model);
}

/** The hardware row of a model (an unknown one reads as a CSR1000V). */
export function iosHardwareOf(model: string): IosHardware {
  return HARDWARE[model] ?? HARDWARE.CSR1000V!;
}
