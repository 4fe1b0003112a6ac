/**
 * `get-route-information` (`show route`): `<route-information>` in the `junos-routing` namespace, one
 * `<route-table>` (inet.0) with its counters, then one `<rt junos:style="brief">` per destination,
 * element names and order from `show route | display xml` captures (vSRX 20.3, MX 18.x): a Direct
 * route names its interface under `<nh><selected-next-hop/><via>`, a Local one under
 * `<nh-type>Local</nh-type><nh><nh-local-interface>`, a static one adds `<to>`. The routes, ages and
 * counts are the ones the CLI table prints (render/route.ts).
 */
import { junosRoutes, renderRouteAge, type JunosRoute } from '../render/route.js';
import type { RenderContext } from '../../../device/render-context.js';
import { element, flag, leaf, type JunosElement } from './tree.js';
import { JUNOS_PREFIX, junosNamespace } from './namespaces.js';

function nextHop(route: JunosRoute): JunosElement[] {
  if (route.protocol === 'Local')
    return [leaf('nh-type', 'Local'), element('nh', [leaf('nh-local-interface', route.via)])];
  return [
    element('nh', [
      flag('selected-next-hop'),
      ...(route.to ? [leaf('to', route.to)] : []),
      leaf('via', route.via),
    ]),
  ];
}

function rt(route: JunosRoute): JunosElement {
  const seconds = Math.max(0, Math.floor(route.ageSeconds));
  return element(
    'rt',
    [
      leaf('rt-destination', route.destination),
      element('rt-entry', [
        leaf('active-tag', '*'),
        flag('current-active'),
        flag('last-active'),
        leaf('protocol-name', route.protocol),
        leaf('preference', route.preference),
        leaf('age', renderRouteAge(route.ageSeconds), [['junos:seconds', String(seconds)]]),
        ...nextHop(route),
      ]),
    ],
    [['junos:style', 'brief']],
  );
}

export function buildRouteInformation(ctx: RenderContext): JunosElement {
  const routes = junosRoutes(ctx);
  const n = routes.length;
  return element(
    'route-information',
    [
      element('route-table', [
        leaf('table-name', 'inet.0'),
        leaf('destination-count', n),
        leaf('total-route-count', n),
        leaf('active-route-count', n),
        leaf('holddown-route-count', 0),
        leaf('hidden-route-count', 0),
        ...routes.map(rt),
      ]),
    ],
    [junosNamespace(ctx, 'junos-routing'), JUNOS_PREFIX],
  );
}
