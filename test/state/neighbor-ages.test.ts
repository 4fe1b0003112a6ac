/**
 * A neighbour is learnt a minute after the later of its two ends boots: `Discovered … ago`, `Last
 * changed … ago` and the table's last change are never older than either device's uptime, at the
 * fleet's start or later, and the CLI text and the eAPI JSON give the same moment.
 */
import { describe, expect, it } from 'vitest';
import { renderEosDuration } from '../../simulator/personalities/arista-eos/render/text.js';
import { renderShowLldpNeighborsDetail } from '../../simulator/personalities/arista-eos/render/lldp.js';
import { EOS_JSON_MODELS } from '../../simulator/personalities/arista-eos/json/index.js';
import { createStateContext, deriveDeviceState } from '../../simulator/state/index.js';
import { LINK_UP_SECONDS, sinceDiscovered } from '../../simulator/state/neighbors.js';
import { createWorld } from '../../simulator/topology/world.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { renderContextFor } from '../device.js';

describe('neighbour ages', () => {
  it('stay within both ends’ uptimes on every device of lab-100, now and a day later', async () => {
    const topology = await loadTopology('lab-100');
    const ctx = createStateContext(createWorld(topology), 7);
    let checked = 0;
    for (const node of topology.nodes) {
      const state = deriveDeviceState(ctx, node.name);
      for (const n of state.neighbors) {
        const peer = ctx.identity(n.hostname);
        const bound = Math.min(state.uptimeAtStart, peer.uptimeAtStart);
        expect(n.discoveredBeforeStart).toBe(Math.max(0, bound - LINK_UP_SECONDS));
        for (const elapsed of [0, 86_400]) {
          expect(sinceDiscovered(n, elapsed)).toBeLessThanOrEqual(state.uptimeAtStart + elapsed);
          expect(sinceDiscovered(n, elapsed)).toBeLessThanOrEqual(peer.uptimeAtStart + elapsed);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('EOS text and JSON name the same moment for each neighbour, some bounded by a younger peer', async () => {
    const ctx = await renderContextFor('lab-100', 'r2-ar08', { elapsedSeconds: 3600 });
    const lldp = ctx.state.neighbors.filter((n) => n.protocol === 'lldp');
    const younger = lldp.filter((n) => n.discoveredBeforeStart < ctx.state.uptimeAtStart - LINK_UP_SECONDS);
    expect(younger.length).toBeGreaterThan(0);
    const text = renderShowLldpNeighborsDetail(ctx);
    const discovered = [...text.matchAll(/^ {2}Discovered (.+) ago; Last changed (.+) ago$/gm)];
    const json = EOS_JSON_MODELS['show lldp neighbors detail']!(ctx, {}) as {
      lldpNeighbors: Record<string, { lldpNeighborInfo: Array<{ neighborDiscoveryTime: number }> }>;
    };
    const times = Object.values(json.lldpNeighbors).flatMap((p) =>
      p.lldpNeighborInfo.map((i) => i.neighborDiscoveryTime),
    );
    expect(discovered).toHaveLength(lldp.length);
    expect(times).toHaveLength(lldp.length);
    for (const [i, match] of discovered.entries()) {
      const seconds = ctx.now / 1000 - times[i]!;
      expect(match[1]).toBe(renderEosDuration(seconds));
      expect(match[2]).toBe(match[1]);
      expect(seconds).toBeLessThanOrEqual(ctx.uptimeSeconds);
    }
  });
});
