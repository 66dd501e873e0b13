// Renders record bytes for PRINT: UTF-8 text when it is printable, else a KAFKA number or hex.
export function describeBytes(b: Uint8Array | null): string {
  if (b === null) return '<null>';
  const text = Buffer.from(b).toString('utf8');
  if (!/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text)) return text;
  if (b.length === 4) return String(Buffer.from(b).readInt32BE(0));
  if (b.length === 8) return String(Buffer.from(b).readBigInt64BE(0));
  return `0x${Buffer.from(b).toString('hex')}`;
}
