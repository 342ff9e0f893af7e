/**
 * Names for "N tables of S seats": the prefix and a number, continuing after
 * the highest number already used with that prefix, so a second batch does not
 * collide with the first ("Bord 16" follows "Bord 15").
 */
export function bulkTableNames(existing: readonly string[], prefix: string, count: number): string[] {
  const clean = prefix.trim().replace(/\s+/g, ' ');
  const pattern = new RegExp(`^${clean.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*(\\d+)$`, 'i');
  const highest = existing.reduce((max, name) => {
    const m = pattern.exec(name.trim());
    return m ? Math.max(max, Number(m[1])) : max;
  }, 0);
  return Array.from({ length: count }, (_, i) => `${clean} ${highest + i + 1}`);
}
