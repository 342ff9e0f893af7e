/**
 * Reads the text back out of a PDF written by pdfkit, for tests: content
 * streams are inflated, and hex strings are decoded through each font's
 * ToUnicode map (embedded fonts) or as Latin-1 (the built-in Helvetica).
 * No poppler needed. Lines are separated by newlines, runs by spaces.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  data: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = m[2];
    const at = body.indexOf('stream');
    if (at < 0) {
      out.set(Number(m[1]), { dict: body, data: null });
      continue;
    }
    const dict = body.slice(0, at);
    let start = m.index + m[0].indexOf(body) + at + 'stream'.length;
    if (text[start] === '\r') start++;
    if (text[start] === '\n') start++;
    const end = text.indexOf('endstream', start);
    let raw = pdf.subarray(start, end);
    if (/\/FlateDecode/.test(dict)) raw = inflateSync(raw);
    out.set(Number(m[1]), { dict, data: raw });
  }
  return out;
}

const ref = (dict: string, key: string) => {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : undefined;
};

function toUnicode(cmap: string): { width: number; map: Map<number, string> } {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  let width = 2;
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, src, dst] of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      width = src.length / 2;
      map.set(parseInt(src, 16), utf16(dst));
    }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, lo, hi, rest] of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      width = lo.length / 2;
      const from = parseInt(lo, 16);
      const to = parseInt(hi, 16);
      if (rest.startsWith('[')) [...rest.matchAll(/<([0-9a-fA-F]+)>/g)].forEach((d, i) => map.set(from + i, utf16(d[1])));
      else {
        const base = parseInt(rest.slice(1, -1), 16);
        for (let c = from; c <= to; c++) map.set(c, String.fromCharCode(base + c - from));
      }
    }
  return { width, map };
}

export function pdfText(pdf: Buffer): string {
  const objs = objects(pdf);
  const pages: string[] = [];
  for (const obj of objs.values()) {
    if (!/\/Type\s*\/Page\b(?!s)/.test(obj.dict)) continue;
    const resourcesRef = ref(obj.dict, 'Resources');
    const resources = resourcesRef !== undefined ? objs.get(resourcesRef)!.dict : obj.dict;
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
    const fonts = new Map<string, { width: number; map: Map<number, string> } | null>();
    for (const [, name, id] of fontDict.matchAll(/\/(\S+?)\s+(\d+) 0 R/g)) {
      const font = objs.get(Number(id))!;
      const cmapRef = ref(font.dict, 'ToUnicode');
      fonts.set(name, cmapRef !== undefined ? toUnicode(objs.get(cmapRef)!.data!.toString('latin1')) : null);
    }
    const contents = ref(obj.dict, 'Contents');
    const stream = contents !== undefined ? objs.get(contents)!.data!.toString('latin1') : '';
    let current: { width: number; map: Map<number, string> } | null = null;
    let line = '';
    const lines: string[] = [];
    const decode = (hex: string) => {
      const bytes = Buffer.from(hex, 'hex');
      if (!current) return bytes.toString('latin1');
      let s = '';
      for (let i = 0; i + current.width <= bytes.length; i += current.width) s += current.map.get(bytes.readUIntBE(i, current.width)) ?? '';
      return s;
    };
    for (const m of stream.matchAll(/\/(\S+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>\s*Tj|\[((?:[^\]])*)\]\s*TJ|\bET\b/g)) {
      if (m[1] !== undefined) current = fonts.get(m[1]) ?? null;
      else if (m[2] !== undefined) line += decode(m[2]);
      else if (m[3] !== undefined) line += [...m[3].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => decode(h[1])).join('');
      else {
        lines.push(line);
        line = '';
      }
    }
    pages.push(lines.filter((l) => l.length > 0).join('\n'));
  }
  return pages.join('\n\f\n');
}
