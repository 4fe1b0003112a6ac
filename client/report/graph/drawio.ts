/**
 * The drawing as a draw.io (diagrams.net) file: an uncompressed `mxfile` whose `mxGraphModel` holds
 * a container per group and a vertex per device, placed where `layoutGraph` puts them, and an edge
 * per cable with its ports as labels at either end and the SVG's problem styles.
 */
import { cableLook, describeCable, devicesByGroup, DEVICE_LOOK } from './export-style.js';
import type { Box, GraphInput, Layout } from './types.js';

/** An XML attribute value: the five entities, line breaks kept as character references. */
export function xmlAttribute(text: string): string {
  return text.replace(/[&<>"'\r\n\t]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * `layout` must come from `layoutGraph(input)` unclustered (every device placed); a device it does
 * not place is put in a row below the drawing.
 */
export function renderDrawio(input: GraphInput, layout: Layout): string {
  const cells: string[] = ['<mxCell id="0"/>', '<mxCell id="1" parent="0"/>'];
  const ids = new Map<string, string>();
  const groupBoxes = new Map(layout.groups.map((g) => [g.name, g]));
  let spare = 0;
  const placeOf = (name: string): Box =>
    layout.devices.get(name) ?? { x: 20 + 140 * spare++, y: layout.height + 40, width: 120, height: 30 };
  devicesByGroup(input).forEach(({ group, devices }, g) => {
    const box = groupBoxes.get(group);
    const parent = box ? `g${g}` : '1';
    if (box)
      cells.push(
        cell(
          `g${g}`,
          group,
          'swimlane;startSize=20;rounded=1;fillColor=none;strokeColor=#b0b0b0;fontColor=#4d4d4d;html=0;',
          'vertex="1" parent="1"',
          geometry(box),
        ),
      );
    for (const device of devices) {
      const id = `d${ids.size}`;
      ids.set(device.name, id);
      const at = placeOf(device.name);
      const look = DEVICE_LOOK[device.state];
      const style = `rounded=1;whiteSpace=wrap;html=0;fillColor=${look.fill};strokeColor=${look.stroke};${look.dashed ? 'dashed=1;' : ''}`;
      const relative = box ? { ...at, x: at.x - box.x, y: at.y - box.y } : at;
      const tooltip = [device.platform, device.model, device.mgmt, device.state, device.reason]
        .filter((x) => x !== undefined && x !== '')
        .join(', ');
      cells.push(cell(id, device.name, style, `vertex="1" parent="${parent}"`, geometry(relative), tooltip));
    }
  });
  input.cables.forEach((cable, index) => {
    const source = ids.get(cable.a.device);
    const target = ids.get(cable.b.device);
    if (!source || !target) return;
    const look = cableLook(cable, input.findings);
    const dash = look.dash ? `dashed=1;dashPattern=${look.dash};` : '';
    const style = `endArrow=none;html=0;rounded=0;strokeColor=${look.color};strokeWidth=${look.width};${dash}`;
    const id = `e${index}`;
    cells.push(
      cell(
        id,
        '',
        style,
        `edge="1" parent="1" source="${source}" target="${target}"`,
        '<mxGeometry relative="1" as="geometry"/>',
        describeCable(cable, input.findings),
      ),
      portLabel(`${id}a`, id, cable.a.interface, -0.7),
      portLabel(`${id}b`, id, cable.b.interface, 0.7),
    );
  });
  const width = Math.ceil(layout.width);
  const height = Math.ceil(layout.height + (spare > 0 ? 100 : 0));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<mxfile host="labfleet" type="device">',
    `<diagram id="labfleet" name="${xmlAttribute(input.title)}">`,
    `<mxGraphModel dx="${width}" dy="${height}" grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="0" fold="1" page="0" pageScale="1" pageWidth="${width}" pageHeight="${height}" math="0" shadow="0">`,
    '<root>',
    ...cells,
    '</root>',
    '</mxGraphModel>',
    '</diagram>',
    '</mxfile>',
    '',
  ].join('\n');
}

/**
 * A cell; with a tooltip it is wrapped in a `UserObject` (draw.io's way of giving a cell
 * attributes), which then carries the id and the label.
 */
function cell(
  id: string,
  value: string,
  style: string,
  attributes: string,
  inner: string,
  tooltip?: string,
): string {
  const body = `style="${xmlAttribute(style)}" ${attributes}>${inner}</mxCell>`;
  if (!tooltip) return `<mxCell id="${id}" value="${xmlAttribute(value)}" ${body}`;
  return `<UserObject id="${id}" label="${xmlAttribute(value)}" tooltip="${xmlAttribute(tooltip)}"><mxCell ${body}</UserObject>`;
}

function geometry(box: Box): string {
  const n = (v: number) => String(Math.round(v * 100) / 100);
  return `<mxGeometry x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" as="geometry"/>`;
}

/** A label riding an edge, `x` from -1 (source end) to 1 (target end). */
function portLabel(id: string, edge: string, text: string, x: number): string {
  return `<mxCell id="${id}" value="${xmlAttribute(text)}" style="edgeLabel;html=0;fontSize=8;labelBackgroundColor=#ffffff;resizable=0;" vertex="1" connectable="0" parent="${edge}"><mxGeometry x="${x}" relative="1" as="geometry"><mxPoint as="offset"/></mxGeometry></mxCell>`;
}
