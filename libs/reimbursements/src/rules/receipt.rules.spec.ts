import { receiptTypeOf } from './receipt.rules';

describe('receipt type by content', () => {
  it('recognises PDF, JPEG and PNG by their first bytes', () => {
    expect(receiptTypeOf(Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1'))).toBe('application/pdf');
    expect(receiptTypeOf(Buffer.concat([Buffer.from('\r\n'), Buffer.from('%PDF-1.4')]))).toBe('application/pdf');
    expect(receiptTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(receiptTypeOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
  });

  it('refuses anything else, whatever it is called', () => {
    expect(receiptTypeOf(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(receiptTypeOf(Buffer.from('GIF89a'))).toBeNull();
    expect(receiptTypeOf(Buffer.from([0x89, 0x50]))).toBeNull();
    expect(receiptTypeOf(Buffer.alloc(0))).toBeNull();
  });
});
