import { html, SafeHtml } from '@dialogdag/web';

export interface BarGroup {
  label: string;
  values: number[];
}

export interface BarChartOptions {
  /** Names the chart for screen readers and is its visible caption. */
  title: string;
  /** One name per value in a group (e.g. registered, attended). */
  seriesNames: string[];
  groups: BarGroup[];
  id: string;
}

// Dark blue and orange: apart for the common colour-vision deficiencies, and in greyscale print.
const COLOURS = ['#1f4e99', '#e07b00', '#5b8c2a', '#8e44ad'];

/**
 * Horizontal grouped bars as inline SVG, drawn on the server: no script, works offline and prints.
 * The figure carries a text alternative (role="img" with a title and a description listing every value),
 * and the same figures stand in a table next to it.
 */
export function barChart(o: BarChartOptions): SafeHtml {
  const barHeight = 14;
  const gap = 10;
  const labelWidth = 230;
  const plotWidth = 380;
  const numberWidth = 44;
  const groupHeight = o.seriesNames.length * barHeight + gap;
  const legendRows = Math.ceil(o.seriesNames.length / 2);
  const legendHeight = 8 + legendRows * 18;
  const height = legendHeight + o.groups.length * groupHeight + 4;
  const width = labelWidth + plotWidth + numberWidth;
  const max = Math.max(1, ...o.groups.flatMap((g) => g.values));
  const description = o.groups.map((g) => `${g.label}: ${g.values.map((v, i) => `${o.seriesNames[i]} ${v}`).join(', ')}`).join('; ');
  const fill = (i: number) => COLOURS[i % COLOURS.length];
  // The second series is hatched too, so the bars differ without colour.
  const paint = (i: number) => (i === 1 ? `url(#${o.id}-hatch)` : fill(i));
  return html`<figure class="chart">
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${o.id}-title ${o.id}-desc" style="max-width:${width}px">
<title id="${o.id}-title">${o.title}</title>
<desc id="${o.id}-desc">${description}</desc>
<defs><pattern id="${o.id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${fill(1)}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2"/></pattern></defs>
<g font-family="system-ui, sans-serif" font-size="12" fill="#1b1f24">
${o.seriesNames.map((name, i) => {
  const x = labelWidth + (i % 2) * 200;
  const y = 4 + Math.floor(i / 2) * 18;
  return html`<rect x="${x}" y="${y}" width="14" height="14" fill="${paint(i)}" stroke="${fill(i)}"/><text x="${x + 20}" y="${y + 11}">${name}</text>`;
})}
${o.groups.map((g, gi) => {
  const top = legendHeight + gi * groupHeight;
  return html`<text x="${labelWidth - 8}" y="${top + (o.seriesNames.length * barHeight) / 2 + 4}" text-anchor="end">${g.label}</text>
${g.values.map((v, i) => {
  const w = Math.round((v / max) * plotWidth);
  return html`<rect x="${labelWidth}" y="${top + i * barHeight}" width="${w}" height="${barHeight - 2}" fill="${paint(i)}" stroke="${fill(i)}" stroke-width="${w > 0 ? 1 : 0}"/><text x="${labelWidth + w + 4}" y="${top + i * barHeight + barHeight - 4}" font-size="11">${v}</text>`;
})}`;
})}
<line x1="${labelWidth}" y1="${legendHeight - 2}" x2="${labelWidth}" y2="${height}" stroke="#57606a"/>
</g>
</svg>
<figcaption>${o.title}</figcaption>
</figure>`;
}
