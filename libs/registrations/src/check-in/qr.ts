import QRCode from 'qrcode';

/** The check-in code as a QR code: an SVG for pages, a PNG for e-mails and badges. Medium error correction survives a creased badge. */
export function qrSvg(code: string, size = 192): Promise<string> {
  return QRCode.toString(code, { type: 'svg', margin: 1, width: size, errorCorrectionLevel: 'M' });
}

export function qrPng(code: string, size = 240): Promise<Buffer> {
  return QRCode.toBuffer(code, { type: 'png', margin: 1, width: size, errorCorrectionLevel: 'M' });
}
