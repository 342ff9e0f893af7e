import { barChart } from './bar-chart';

describe('barChart', () => {
  const svg = barChart({
    id: 'sector',
    title: 'Anmälda och deltagande per sektor',
    seriesNames: ['Anmälda', 'Deltog'],
    groups: [
      { label: 'Idéburen <organisation>', values: [86, 80] },
      { label: 'Kommun', values: [0, 0] },
    ],
  }).toString();

  it('is an SVG image with a title and a text alternative listing every value', () => {
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="sector-title">Anmälda och deltagande per sektor</title>');
    expect(svg).toContain('<desc id="sector-desc">Idéburen &lt;organisation&gt;: Anmälda 86, Deltog 80; Kommun: Anmälda 0, Deltog 0</desc>');
    expect(svg).not.toContain('<script');
  });

  it('scales bars to the largest value', () => {
    expect(svg).toContain('width="380" height="12"');
    expect(svg).toMatch(/width="353" height="12"/);
  });
});
