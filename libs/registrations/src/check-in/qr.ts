import QRCode from 'qrcode';
import { crc32, deflateSync } from 'node:zlib';

/**
 * The check-in code as a QR code: an SVG for pages, a PNG for e-mails and badges. Medium error
 * correction survives a creased badge; a quiet zone of two modules is part of the image, so it
 * scans whatever the background around it.
 */
const OPTIONS = { errorCorrectionLevel: 'M' as const };
const QUIET_ZONE = 2;

export function qrSvg(code: string, size = 192): Promise<string> {
  return QRCode.toString(code, { ...OPTIONS, type: 'svg', margin: QUIET_ZONE, width: size });
}

/**
 * A black-and-white PNG (1 bit per pixel), `scale` pixels per module. Written directly from the
 * QR matrix: the general PNG writer of the QR library takes some 15 ms a code, and the confirmation
 * e-mail is composed while the registration holds the conference's seat lock.
 */
export function qrPng(code: string, scale = 8): Buffer {
  const { modules } = QRCode.create(code, OPTIONS);
  const width = (modules.size + 2 * QUIET_ZONE) * scale;
  const rowBytes = Math.ceil(width / 8);
  // Each row: filter type 0, then the pixels, 1 = white; the buffer starts all black.
  const rows = Buffer.alloc((rowBytes + 1) * width);
  for (let y = 0; y < width; y++) {
    const my = Math.floor(y / scale) - QUIET_ZONE;
    for (let x = 0; x < width; x++) {
      const mx = Math.floor(x / scale) - QUIET_ZONE;
      const dark = my >= 0 && mx >= 0 && my < modules.size && mx < modules.size && modules.get(my, mx) === 1;
      if (!dark) rows[y * (rowBytes + 1) + 1 + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(width, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter method, not interlaced
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
