// Draws the app icon and writes it in every format the installers need: PNGs (Linux), ICNS
// (macOS) and ICO (Windows) into build/, and the window's icon, which the app loads at run time,
// into resources/ — from one drawing, with no image tools installed.
// Run `node scripts/make-icons.cjs` after changing the drawing; the outputs are committed.
const { mkdirSync, writeFileSync } = require('node:fs')
const { join } = require('node:path')
const { deflateSync } = require('node:zlib')

const out = join(__dirname, '..', 'build')
const runtime = join(__dirname, '..', 'resources')

/** Coverage (0..1) of a rounded rectangle at (x, y), antialiased over one pixel. */
function roundedRect(x, y, left, top, right, bottom, radius) {
  const cx = Math.min(Math.max(x, left + radius), right - radius)
  const cy = Math.min(Math.max(y, top + radius), bottom - radius)
  const distance = Math.hypot(x - cx, y - cy) - radius
  const inside =
    x >= left && x <= right && y >= top && y <= bottom
      ? -Math.min(x - left, right - x, y - top, bottom - y)
      : 0
  const d = Math.abs(x - cx) < 1e-9 && Math.abs(y - cy) < 1e-9 ? inside : Math.max(distance, inside)
  return Math.min(1, Math.max(0, 0.5 - d))
}

function blend(dst, color, alpha) {
  for (let i = 0; i < 3; i++) dst[i] = dst[i] * (1 - alpha) + color[i] * alpha
  dst[3] = dst[3] + (255 - dst[3]) * alpha
}

/** The icon at `size` pixels, RGBA: a red square, a cream page of lines, a strip of film. */
function draw(size) {
  const s = size / 1024
  const pixels = Buffer.alloc(size * size * 4)
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = px + 0.5
      const y = py + 0.5
      const c = [0, 0, 0, 0]
      blend(c, [138, 47, 29], roundedRect(x, y, 64 * s, 64 * s, 960 * s, 960 * s, 200 * s))
      blend(c, [251, 250, 247], roundedRect(x, y, 250 * s, 190 * s, 774 * s, 834 * s, 40 * s))
      for (let line = 0; line < 6; line++) {
        const top = (300 + line * 80) * s
        const right = (line === 5 ? 560 : 690) * s
        blend(c, [90, 87, 79], roundedRect(x, y, 330 * s, top, right, top + 26 * s, 13 * s))
      }
      blend(c, [29, 28, 26], roundedRect(x, y, 140 * s, 600 * s, 884 * s, 760 * s, 24 * s))
      for (let hole = 0; hole < 9; hole++) {
        const left = (170 + hole * 80) * s
        blend(c, [251, 250, 247], roundedRect(x, y, left, 620 * s, left + 40 * s, 650 * s, 6 * s))
        blend(c, [251, 250, 247], roundedRect(x, y, left, 710 * s, left + 40 * s, 740 * s, 6 * s))
      }
      pixels.set(c.map(Math.round), (py * size + px) * 4)
    }
  }
  return pixels
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buf) {
  let c = 0xffffffff
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

/** Encodes RGBA pixels as a PNG file. */
function png(size, pixels) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 6, 0, 0, 0], 8)
  const rows = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ])
}

/** ICNS holding PNG images (macOS 10.7+ reads these types). */
function icns(pngs) {
  const types = { 32: 'ic11', 64: 'ic12', 128: 'ic07', 256: 'ic08', 512: 'ic09', 1024: 'ic10' }
  const parts = Object.entries(types).map(([size, type]) => {
    const head = Buffer.alloc(8)
    head.write(type, 0, 'ascii')
    head.writeUInt32BE(pngs[size].length + 8, 4)
    return Buffer.concat([head, pngs[size]])
  })
  const body = Buffer.concat(parts)
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'ascii')
  head.writeUInt32BE(body.length + 8, 4)
  return Buffer.concat([head, body])
}

/** ICO holding PNG images (Windows Vista+ reads these). */
function ico(pngs, sizes) {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(sizes.length, 4)
  let offset = 6 + sizes.length * 16
  const entries = sizes.map((size) => {
    const entry = Buffer.alloc(16)
    entry.writeUInt8(size >= 256 ? 0 : size, 0)
    entry.writeUInt8(size >= 256 ? 0 : size, 1)
    entry.writeUInt16LE(1, 4)
    entry.writeUInt16LE(32, 6)
    entry.writeUInt32LE(pngs[size].length, 8)
    entry.writeUInt32LE(offset, 12)
    offset += pngs[size].length
    return entry
  })
  return Buffer.concat([header, ...entries, ...sizes.map((size) => pngs[size])])
}

const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
const pngs = Object.fromEntries(sizes.map((size) => [size, png(size, draw(size))]))
mkdirSync(join(out, 'icons'), { recursive: true })
for (const size of [16, 32, 48, 64, 128, 256, 512])
  writeFileSync(join(out, 'icons', `${size}x${size}.png`), pngs[size])
writeFileSync(join(out, 'icon.png'), pngs[1024])
writeFileSync(join(out, 'icon.icns'), icns(pngs))
writeFileSync(join(out, 'icon.ico'), ico(pngs, [16, 24, 32, 48, 64, 128, 256]))
mkdirSync(runtime, { recursive: true })
writeFileSync(join(runtime, 'icon.png'), pngs[512])
console.log(`Icons written to ${out} and ${runtime}`)
