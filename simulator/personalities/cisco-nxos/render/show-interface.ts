/** `show interface`: every port's state, hardware, addressing and counters, mgmt0 first. */
import type { RenderContext } from '../../../device/render-context.js';
import { nxosInterfaceFacts, nxosInterfacesInOrder, type NxosInterfaceFacts } from './interface-facts.js';

function headLines(f: NxosInterfaceFacts): string[] {
  const status = f.up ? 'up' : `down (${f.downReason})`;
  return [
    `${f.name} is ${status}`,
    `admin state is ${f.adminUp ? 'up' : 'down'},${f.mgmt ? '' : ' Dedicated Interface'}`,
    `  Hardware: ${f.hardware}, address: ${f.mac} (bia ${f.mac})`,
    ...(f.description ? [`  Description: ${f.description}`] : []),
    ...(f.address ? [`  Internet Address is ${f.address.ip}/${f.address.prefix}`] : []),
    `  MTU ${f.mtu} bytes, BW ${f.bandwidthKbit} Kbit, DLY 10 usec`,
    '  reliability 255/255, txload 1/255, rxload 1/255',
    '  Encapsulation ARPA, medium is broadcast',
  ];
}

const duplexLine = (f: NxosInterfaceFacts) =>
  `  ${f.duplex}-duplex, ${f.speed}${f.media ? `, media type is ${f.media}` : ''}`;

function mgmtLines(f: NxosInterfaceFacts): string[] {
  return [
    ...headLines(f),
    duplexLine(f),
    '  Auto-Negotiation is turned on',
    '  Auto-mdix is turned off',
    '  EtherType is 0x0000 ',
    `  1 minute input rate ${f.rateBits.input} bits/sec, ${f.ratePackets.input} packets/sec`,
    `  1 minute output rate ${f.rateBits.output} bits/sec, ${f.ratePackets.output} packets/sec`,
    '  Rx',
    `    ${f.input.packets} input packets ${f.input.unicast} unicast packets ${f.input.multicast} multicast packets`,
    `    ${f.input.broadcast} broadcast packets ${f.input.bytes} bytes`,
    '  Tx',
    `    ${f.output.packets} output packets ${f.output.unicast} unicast packets ${f.output.multicast} multicast packets`,
    `    ${f.output.broadcast} broadcast packets ${f.output.bytes} bytes`,
  ];
}

function ethernetLines(f: NxosInterfaceFacts): string[] {
  const rates = `    input rate ${f.rateBits.input} bps, ${f.ratePackets.input} pps; output rate ${f.rateBits.output} bps, ${f.ratePackets.output} pps`;
  return [
    ...headLines(f),
    `  Port mode is ${f.mode}`,
    duplexLine(f),
    '  Beacon is turned off',
    '  Auto-Negotiation is turned on  FEC mode is Auto',
    '  Input flow-control is off, output flow-control is off',
    '  Auto-mdix is turned off',
    '  Rate mode is dedicated',
    '  Switchport monitor is off ',
    '  EtherType is 0x8100 ',
    '  EEE (efficient-ethernet) : n/a',
    `    admin fec state is auto, oper fec state is ${f.up ? 'off' : 'down'}`,
    `  Last link flapped ${f.flapped}`,
    '  Last clearing of "show interface" counters never',
    `  ${f.resets} interface resets`,
    '  Load-Interval #1: 30 seconds',
    `    30 seconds input rate ${f.rateBits.input} bits/sec, ${f.ratePackets.input} packets/sec`,
    `    30 seconds output rate ${f.rateBits.output} bits/sec, ${f.ratePackets.output} packets/sec`,
    rates,
    '  Load-Interval #2: 5 minute (300 seconds)',
    `    300 seconds input rate ${f.rateBits.input} bits/sec, ${f.ratePackets.input} packets/sec`,
    `    300 seconds output rate ${f.rateBits.output} bits/sec, ${f.ratePackets.output} packets/sec`,
    rates,
    '  RX',
    `    ${f.input.unicast} unicast packets  ${f.input.multicast} multicast packets  ${f.input.broadcast} broadcast packets`,
    `    ${f.input.packets} input packets  ${f.input.bytes} bytes`,
    '    0 jumbo packets  0 storm suppression packets',
    '    0 runts  0 giants  0 CRC  0 no buffer',
    '    0 input error  0 short frame  0 overrun   0 underrun  0 ignored',
    '    0 watchdog  0 bad etype drop  0 bad proto drop  0 if down drop',
    '    0 input with dribble  0 input discard',
    '    0 Rx pause',
    '  TX',
    `    ${f.output.unicast} unicast packets  ${f.output.multicast} multicast packets  ${f.output.broadcast} broadcast packets`,
    `    ${f.output.packets} output packets  ${f.output.bytes} bytes`,
    '    0 jumbo packets',
    '    0 output error  0 collision  0 deferred  0 late collision',
    '    0 lost carrier  0 no carrier  0 babble  0 output discard',
    '    0 Tx pause',
  ];
}

/** Renders `show interface`: one block per port, a blank line between blocks. */
export function renderShowInterface(ctx: RenderContext): string {
  return nxosInterfacesInOrder(ctx)
    .map((iface) => {
      const f = nxosInterfaceFacts(ctx, iface);
      return (f.mgmt ? mgmtLines(f) : ethernetLines(f)).join('\n');
    })
    .join('\n\n');
}
