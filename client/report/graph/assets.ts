/**
 * The drawing's browser side for the HTML report: CSS, and one classic script holding
 * @panzoom/panzoom (its licence comment kept) and `drawingMain`, which is written here in TypeScript
 * against the few DOM members it uses (declared below, so the Node code gets no DOM types) and
 * inlined as `(${drawingMain})(window)`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FONT_FAMILY } from './layout.js';
import type { DrawingAssets } from './types.js';

interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The DOM members drawingMain uses. */
interface El {
  className: string;
  textContent: string | null;
  parentElement: El | null;
  style: Record<string, string>;
  classList: { add(c: string): void; remove(c: string): void; contains(c: string): boolean };
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  closest(selector: string): El | null;
  appendChild(child: El): void;
  insertBefore(child: El, before: El): void;
  addEventListener(type: string, listener: (event: PointerLike) => void): void;
  getBoundingClientRect(): Rect;
  scrollIntoView(options: object): void;
}

interface PointerLike {
  target: unknown;
  clientX: number;
  clientY: number;
}

interface PanzoomObject {
  zoomWithWheel(event: PointerLike): void;
  zoom(scale: number, options?: object): void;
  pan(x: number, y: number, options?: object): void;
  reset(options?: object): void;
  getScale(): number;
  getPan(): { x: number; y: number };
}

interface Win {
  document: {
    body: El;
    createElement(tag: string): El;
    querySelectorAll(selector: string): ArrayLike<El>;
  };
  innerWidth: number;
  innerHeight: number;
  Panzoom(element: El, options: object): PanzoomObject;
  labfleetDrawing?: {
    highlightFinding(i: number): boolean;
    highlightDevice(name: string): boolean;
    clear(): void;
  };
}

/** Runs in the page: pan/zoom per drawing, the hover panel, and `window.labfleetDrawing`. */
function drawingMain(win: Win): void {
  const doc = win.document;
  const views: Array<{ svg: El; frame: El; pz: PanzoomObject }> = [];
  const panel = doc.createElement('div');
  panel.className = 'lf-drawing-panel';
  panel.style.display = 'none';
  doc.body.appendChild(panel);

  const hide = (): void => {
    panel.style.display = 'none';
  };
  const show = (el: El, event: PointerLike): void => {
    const title = el.querySelector('title');
    const lines = (title?.textContent ?? '').split('\n');
    panel.textContent = '';
    lines.forEach((line, i) => {
      const row = doc.createElement('div');
      if (i === 0) row.className = 'lf-panel-head';
      row.textContent = line;
      panel.appendChild(row);
    });
    panel.style.display = 'block';
    place(event);
  };
  const place = (event: PointerLike): void => {
    const x = event.clientX + 14;
    const y = event.clientY + 14;
    panel.style.left = `${Math.min(x, win.innerWidth - 440)}px`;
    panel.style.top = `${Math.min(y, win.innerHeight - 160)}px`;
  };

  const svgs = doc.querySelectorAll('svg.lf-topology');
  for (let i = 0; i < svgs.length; i++) {
    const svg = svgs[i]!;
    let frame = svg.parentElement!;
    if (!frame.classList.contains('lf-pan')) {
      const wrap = doc.createElement('div');
      wrap.className = 'lf-pan';
      frame.insertBefore(wrap, svg);
      wrap.appendChild(svg);
      frame = wrap;
    }
    const pz = win.Panzoom(svg, { maxScale: 24, minScale: 0.2, step: 0.25 });
    frame.addEventListener('wheel', (e) => pz.zoomWithWheel(e));
    const reset = doc.createElement('button');
    reset.className = 'lf-reset';
    reset.textContent = 'Reset view';
    reset.addEventListener('click', () => pz.reset());
    frame.appendChild(reset);
    svg.addEventListener('mouseover', (event) => {
      const target = event.target as El;
      const el = target.closest ? target.closest('.lf-device, .lf-cable, .lf-cluster') : null;
      if (el) show(el, event);
      else hide();
    });
    svg.addEventListener('mousemove', (event) => {
      if (panel.style.display !== 'none') place(event);
    });
    svg.addEventListener('mouseleave', hide);
    views.push({ svg, frame, pz });
  }

  const marked: El[] = [];
  const clear = (): void => {
    for (const el of marked.splice(0)) el.classList.remove('lf-highlight');
  };
  /** Marks the elements and centres the first drawing holding them on their bounding box. */
  const focus = (els: El[]): boolean => {
    clear();
    if (!els.length) return false;
    for (const el of els) {
      el.classList.add('lf-highlight');
      marked.push(el);
    }
    const view = views.find((v) => els.some((el) => el.closest('svg.lf-topology') === v.svg));
    if (!view) return true;
    const mine = els.filter((el) => el.closest('svg.lf-topology') === view.svg);
    const s = view.pz.getScale();
    const pan = view.pz.getPan();
    const svgRect = view.svg.getBoundingClientRect();
    const frameRect = view.frame.getBoundingClientRect();
    let left = Infinity;
    let top = Infinity;
    let right = -Infinity;
    let bottom = -Infinity;
    for (const el of mine) {
      const r = el.getBoundingClientRect();
      left = Math.min(left, r.left);
      top = Math.min(top, r.top);
      right = Math.max(right, r.left + r.width);
      bottom = Math.max(bottom, r.top + r.height);
    }
    // in the drawing's untransformed CSS pixels (panzoom: scale(s) translate(pan), origin 0 0)
    const cx = ((left + right) / 2 - svgRect.left) / s;
    const cy = ((top + bottom) / 2 - svgRect.top) / s;
    const w = Math.max((right - left) / s, 40);
    const h = Math.max((bottom - top) / s, 40);
    const ox = svgRect.left - frameRect.left - s * pan.x;
    const oy = svgRect.top - frameRect.top - s * pan.y;
    const next = Math.min(Math.max(0.6 * Math.min(frameRect.width / w, frameRect.height / h), 1), 6);
    view.pz.zoom(next, { animate: false });
    view.pz.pan((frameRect.width / 2 - ox) / next - cx, (frameRect.height / 2 - oy) / next - cy, {
      animate: false,
      force: true,
    });
    view.frame.scrollIntoView({ block: 'nearest' });
    return true;
  };
  const all = (selector: string): El[] => {
    const found = doc.querySelectorAll(`svg.lf-topology ${selector}`);
    const out: El[] = [];
    for (let i = 0; i < found.length; i++) out.push(found[i]!);
    return out;
  };
  win.labfleetDrawing = {
    highlightFinding: (i) => focus(all(`[data-findings~="${Number(i)}"]`)),
    highlightDevice: (name) =>
      focus([
        ...all('.lf-device').filter((el) => el.getAttribute('data-device') === name),
        ...all('.lf-cluster').filter((el) =>
          (el.getAttribute('data-members') ?? '').split(' ').includes(name),
        ),
      ]),
    clear,
  };
}

const require = createRequire(import.meta.url);
let panzoomSource: string | undefined;

const CSS = `
.lf-pan { position: relative; overflow: hidden; border: 1px solid #d0d5dc; border-radius: 6px; background: #fff; touch-action: none; }
.lf-pan > svg.lf-topology { display: block; width: 100%; height: auto; cursor: grab; }
.lf-pan > svg.lf-topology:active { cursor: grabbing; }
.lf-pan .lf-reset { position: absolute; top: 6px; right: 6px; font: 12px sans-serif; padding: 2px 8px; }
.lf-drawing-panel { position: fixed; z-index: 1000; max-width: 420px; background: #fff; color: #1d232b; border: 1px solid #8a94a6; border-radius: 4px; padding: 6px 8px; font: 12px/1.4 ${FONT_FAMILY}; white-space: pre-wrap; pointer-events: none; box-shadow: 0 2px 8px rgba(0,0,0,.18); }
.lf-drawing-panel .lf-panel-head { font-weight: bold; }
svg.lf-topology .lf-device, svg.lf-topology .lf-cable, svg.lf-topology .lf-cluster { cursor: pointer; }
svg.lf-topology .lf-device:hover rect, svg.lf-topology .lf-cluster:hover rect { stroke-width: 2.5; }
svg.lf-topology .lf-cable:hover line, svg.lf-topology .lf-cable:hover path { stroke-width: 4; stroke-opacity: 1; }
svg.lf-topology .lf-highlight rect { stroke: #000; stroke-width: 3.5; }
svg.lf-topology .lf-cable.lf-highlight line, svg.lf-topology .lf-cable.lf-highlight path { stroke-width: 4.5; stroke-opacity: 1; }
`;

export function drawingAssets(): DrawingAssets {
  panzoomSource ??= readFileSync(require.resolve('@panzoom/panzoom/dist/panzoom.min.js'), 'utf8');
  return {
    css: CSS,
    // a (function () {…}) scope; __name is the helper esbuild's keepNames (tsx) puts in function bodies
    script:
      `${panzoomSource.replace(/\/\/# sourceMappingURL=.*$/m, '')}\n` +
      `;(function (__name) { (${drawingMain.toString()})(window); })(function (f) { return f; });\n`,
  };
}
