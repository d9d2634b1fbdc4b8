// Shared by screens.test.js (the page) and desktop_screens.test.js (the desktop app): where the
// screenshots go, the focus ring's colour of each theme, and how much of a widget's outline has it.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { artifacts, root } from './harness.js';

export const shots = path.join(artifacts, 'screens');
mkdirSync(shots, { recursive: true });

// ImGuiCol_NavHighlight of each palette in src/ui/theme.cpp (make_dark, make_light), as [r, g, b].
export function navHighlightColours() {
  const source = readFileSync(path.join(root, 'src/ui/theme.cpp'), 'utf8');
  const colour = (maker) => {
    const at = source.indexOf(`${maker}()`);
    assert.notEqual(at, -1, `${maker}() in src/ui/theme.cpp`);
    const match = /ImGuiCol_NavHighlight\]\s*=\s*rgb\(0x([0-9A-Fa-f]{6})/.exec(source.slice(at));
    assert.ok(match, `ImGuiCol_NavHighlight in ${maker}() of src/ui/theme.cpp`);
    const hex = parseInt(match[1], 16);
    return [(hex >> 16) & 255, (hex >> 8) & 255, hex & 255];
  };
  return { dark: colour('make_dark'), light: colour('make_light') };
}

// For each side of `rect`, the fraction of its length (corners left out) where a pixel 1..5 px outside
// is within `tolerance` of `rgb`: { top, bottom, left, right }. A widget's rectangle takes in its label
// (a field's stands right of the frame, and the ring goes round the frame only), so `right` is the
// best column from the rectangle's middle to 5 px beyond it.
export function ringCoverage({ width, height, data }, origin, rect, rgb, tolerance = 40) {
  const near = (x, y) => {
    const px = Math.round(x - origin.x);
    const py = Math.round(y - origin.y);
    if (px < 0 || py < 0 || px >= width || py >= height) return false;
    const i = (py * width + px) * 4;
    return Math.abs(data[i] - rgb[0]) <= tolerance && Math.abs(data[i + 1] - rgb[1]) <= tolerance &&
      Math.abs(data[i + 2] - rgb[2]) <= tolerance;
  };
  const xs = [];
  for (let x = rect.x + 6; x < rect.x + rect.w - 6; x++) xs.push(x);
  const ys = [];
  for (let y = rect.y + 6; y < rect.y + rect.h - 6; y++) ys.push(y);
  // A band counts a line as ringed when any of its 5 pixels outward is the colour.
  const line = (points, step) => points.map((p) => [1, 2, 3, 4, 5].some((d) => near(p[0] + step[0] * d, p[1] + step[1] * d)));
  const fraction = (hits) => hits.filter(Boolean).length / Math.max(1, hits.length);
  return {
    top: fraction(line(xs.map((x) => [x, rect.y]), [0, -1])),
    bottom: fraction(line(xs.map((x) => [x, rect.y + rect.h - 1]), [0, 1])),
    left: fraction(line(ys.map((y) => [rect.x, y]), [-1, 0])),
    right: Math.max(...xs.filter((x) => x >= rect.x + rect.w / 2).concat([rect.x + rect.w - 5, rect.x + rect.w + 4])
      .map((x) => fraction(ys.map((y) => near(x, y))))),
  };
}
