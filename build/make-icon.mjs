// Draws build/icon.png (512×512): a galley proof — a white sheet with text lines on an ink-blue
// tile. Run `node build/make-icon.mjs` after changing the drawing; the PNG is committed so
// packaging needs no image tools. Written with zlib alone: one RGBA scanline filter, no deps.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const INK = [0x1f, 0x3a, 0x5f, 0xff];
const PAPER = [0xfa, 0xf7, 0xf0, 0xff];
const LINE = [0x6b, 0x72, 0x80, 0xff];
const MARK = [0xc2, 0x41, 0x0c, 0xff];
const CLEAR = [0, 0, 0, 0];

function insideRoundedRect(x, y, left, top, right, bottom, radius) {
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return x >= left && x < right && y >= top && y < bottom && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function pixel(x, y) {
  if (!insideRoundedRect(x, y, 16, 16, 496, 496, 96)) return CLEAR;
  if (!insideRoundedRect(x, y, 136, 72, 376, 440, 12)) return INK;
  const row = Math.floor((y - 120) / 40);
  const inLine = y >= 120 && y < 400 && (y - 120) % 40 < 14;
  const lineEnd = row % 3 === 2 ? 280 : 336;
  if (inLine && x >= 176 && x < lineEnd) return row === 3 ? MARK : LINE;
  return PAPER;
}

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const raw = Buffer.alloc(SIZE * (1 + SIZE * 4));
for (let y = 0; y < SIZE; y++) {
  const start = y * (1 + SIZE * 4);
  raw[start] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) Buffer.from(pixel(x, y)).copy(raw, start + 1 + x * 4);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
