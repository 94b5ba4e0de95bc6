#!/usr/bin/env node
/*
 * Draws the Relacje logo — two overlapping circles, for the two sides of a relationship — into the
 * PNG icons the add-in manifest names (assets/icon-<size>.png). Run `node scripts/make-icons.js`
 * after changing the drawing; the PNGs are committed so a build needs no image tools.
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZES = [16, 32, 64, 80, 128];
/** Edge pixels are sampled SUPERSAMPLE² times, so the circles stay round at 16 px. */
const SUPERSAMPLE = 4;

const LEFT = { x: 0.38, y: 0.5, r: 0.3, colour: [0x0f, 0x6c, 0xbd] };
const RIGHT = { x: 0.62, y: 0.5, r: 0.3, colour: [0x2b, 0xa5, 0x9a] };
const OVERLAP = [0x0b, 0x4a, 0x6f];

function inside(circle, x, y) {
  const dx = x - circle.x;
  const dy = y - circle.y;
  return dx * dx + dy * dy <= circle.r * circle.r;
}

/** The colour of one point of the unit square, or null where the logo is transparent. */
function colourAt(x, y) {
  const left = inside(LEFT, x, y);
  const right = inside(RIGHT, x, y);
  if (left && right) return OVERLAP;
  if (left) return LEFT.colour;
  if (right) return RIGHT.colour;
  return null;
}

/** RGBA rows, each prefixed with PNG filter type 0 (none). */
function drawRows(size) {
  const rowLength = 1 + size * 4;
  const raw = Buffer.alloc(rowLength * size);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const colour = colourAt(
            (px + (sx + 0.5) / SUPERSAMPLE) / size,
            (py + (sy + 0.5) / SUPERSAMPLE) / size,
          );
          if (!colour) continue;
          covered++;
          for (let c = 0; c < 3; c++) sum[c] += colour[c];
        }
      }
      const offset = py * rowLength + 1 + px * 4;
      if (covered > 0) for (let c = 0; c < 3; c++) raw[offset + c] = Math.round(sum[c] / covered);
      raw[offset + 3] = Math.round((255 * covered) / (SUPERSAMPLE * SUPERSAMPLE));
    }
  }
  return raw;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  // compression, filter and interlace methods stay 0: the only ones PNG defines
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(drawRows(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const folder = path.join(__dirname, '..', 'assets');
fs.mkdirSync(folder, { recursive: true });
for (const size of SIZES) {
  const file = path.join(folder, `icon-${size}.png`);
  fs.writeFileSync(file, png(size));
  console.log(`${path.relative(process.cwd(), file)} (${size}×${size})`);
}
