import fc from 'fast-check';
import QRCode from 'qrcode';
import { inflateSync } from 'node:zlib';
import { qrPng, segmentsOf } from './qr';

/** Reads a PNG written by qrPng back into its pixels: width, and whether each pixel is dark. */
function readPng(png: Buffer): { width: number; dark: (x: number, y: number) => boolean } {
  expect(png.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
  let offset = 8;
  let width = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      expect([body.readUInt32BE(4), body[8], body[9]]).toEqual([width, 1, 0]);
    }
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(data));
  const rowBytes = Math.ceil(width / 8) + 1;
  return { width, dark: (x, y) => (rows[y * rowBytes + 1 + (x >> 3)] & (0x80 >> (x & 7))) === 0 };
}

describe('qrPng', () => {
  it('draws exactly the QR code of the check-in code, with a white quiet zone', () => {
    for (const code of ['K7QM3XPD9RTA', '000000000000', 'ZZZZZZZZZZZZ']) {
      const { modules } = QRCode.create(segmentsOf(code), { errorCorrectionLevel: 'M' });
      const scale = 4;
      const { width, dark } = readPng(qrPng(code, scale));
      expect(width).toBe((modules.size + 4) * scale);
      for (let y = 0; y < modules.size; y++)
        for (let x = 0; x < modules.size; x++) {
          // The middle pixel of each module.
          expect([x, y, dark((x + 2) * scale + 1, (y + 2) * scale + 2)]).toEqual([x, y, modules.get(y, x) === 1]);
        }
      for (let i = 0; i < width; i++) expect([dark(i, 0), dark(0, i), dark(i, width - 1), dark(width - 1, i)]).toEqual([false, false, false, false]);
    }
  });
});

describe('qrPng, row by row', () => {
  // The pixels as the first version drew them, one pixel at a time: the faster drawing must not change one.
  function pixelByPixel(code: string, scale: number): Buffer {
    const { modules } = QRCode.create(segmentsOf(code), { errorCorrectionLevel: 'M' });
    const width = (modules.size + 4) * scale;
    const rowBytes = Math.ceil(width / 8);
    const rows = Buffer.alloc((rowBytes + 1) * width);
    for (let y = 0; y < width; y++)
      for (let x = 0; x < width; x++) {
        const my = Math.floor(y / scale) - 2;
        const mx = Math.floor(x / scale) - 2;
        const dark = my >= 0 && mx >= 0 && my < modules.size && mx < modules.size && modules.get(my, mx) === 1;
        if (!dark) rows[y * (rowBytes + 1) + 1 + (x >> 3)] |= 0x80 >> (x & 7);
      }
    return rows;
  }

  it('draws the same pixels as drawing each pixel on its own, for any code and scale', () => {
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'.split('');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 12, maxLength: 12 }), fc.integer({ min: 1, max: 9 }), (chars, scale) => {
        const png = qrPng(chars.join(''), scale);
        const start = png.indexOf('IDAT', 0, 'latin1');
        const length = png.readUInt32BE(start - 4);
        expect(inflateSync(png.subarray(start + 4, start + 4 + length)).equals(pixelByPixel(chars.join(''), scale))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
