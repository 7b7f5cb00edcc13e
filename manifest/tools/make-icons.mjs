// Draws the app icons: a speech bubble holding a star (a customer's rating).
// Deterministic: the same shapes give the same pixels on every machine. The PNGs are committed;
// run this only when the design changes: node manifest/tools/make-icons.mjs
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { crc32 } from "./crc32.mjs";

const manifestDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const BACKGROUND = [0x1b, 0x5e, 0x82]; // keep equal to accentColor in manifest.json
const WHITE = [0xff, 0xff, 0xff];

// The symbol in a 96x96 design space: a rounded bubble with a tail at the bottom left,
// and a five-pointed star cut out of it.
function inRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function inPolygon(x, y, points) {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const tail = [[16, 70], [42, 70], [12, 94]];
const star = Array.from({ length: 10 }, (_, i) => {
  const radius = i % 2 === 0 ? 25 : 10.5;
  const angle = -Math.PI / 2 + (i * Math.PI) / 5;
  return [48 + radius * Math.cos(angle), 41 + radius * Math.sin(angle)];
});

function inSymbol(x, y) {
  const bubble = inRoundedRect(x, y, 0, 2, 96, 74, 16) || inPolygon(x, y, tail);
  return bubble && !inPolygon(x, y, star);
}

// Share of the pixel covered by the symbol, from an n x n grid of samples.
function coverage(px, py, scale, offset, n) {
  let hits = 0;
  for (let sy = 0; sy < n; sy++) {
    for (let sx = 0; sx < n; sx++) {
      const x = (px + (sx + 0.5) / n - offset) / scale;
      const y = (py + (sy + 0.5) / n - offset) / scale;
      if (inSymbol(x, y)) hits++;
    }
  }
  return hits / (n * n);
}

// Color icon: 192x192, solid background, the 96x96 symbol centred with 48 px padding, anti-aliased.
function colorIcon() {
  const size = 192;
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const a = coverage(x, y, 1, 48, 4);
      const i = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(BACKGROUND[c] * (1 - a) + WHITE[c] * a);
      rgba[i + 3] = 255;
    }
  }
  return encodePng(size, size, rgba);
}

// Outline icon: 32x32, the symbol filling the square, white where covered at least half,
// fully transparent elsewhere. No anti-aliasing: Teams allows no colour but white.
function outlineIcon() {
  const size = 32;
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (coverage(x, y, size / 96, 0, 4) >= 0.5) rgba.fill(255, (y * size + x) * 4, (y * size + x) * 4 + 4);
    }
  }
  return encodePng(size, size, rgba);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

writeFileSync(join(manifestDir, "color.png"), colorIcon());
writeFileSync(join(manifestDir, "outline.png"), outlineIcon());
console.log("wrote manifest/color.png and manifest/outline.png");
