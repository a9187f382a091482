import { h, svg } from './dom.ts';

export interface BarDatum {
  readonly label: string;
  readonly value: number;
  /** Text after the bar, e.g. "3 tips · 5 people". */
  readonly note: string;
}

/**
 * A horizontal bar chart as SVG: role="img" with a title and a description
 * that states every value, so it is not only visual. The caller renders a
 * data table next to it as the text fallback.
 */
export function barChart(data: readonly BarDatum[], title: string, idPrefix: string): SVGSVGElement {
  // Label and note columns sized from their longest text (bold 13 px and 12 px glyphs stay under
  // these widths per character), so no label is ever clipped ("unrouted" was cut to "nrouted").
  const longest = (texts: readonly string[]): number => Math.max(0, ...texts.map((text) => [...text].length));
  const labelWidth = Math.ceil(longest(data.map((datum) => datum.label)) * 9 + 16);
  const noteWidth = Math.ceil(longest(data.map((datum) => datum.note)) * 7.5 + 12);
  const barSpan = 200;
  const width = labelWidth + barSpan + noteWidth;
  const row = 28;
  const barHeight = 18;
  const height = Math.max(row, data.length * row) + 4;
  const max = Math.max(1, ...data.map((datum) => datum.value));
  const span = barSpan;
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  return svg(
    'svg',
    { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}`, focusable: 'false' },
    svg('title', { id: titleId }, title),
    svg('desc', { id: descId }, data.map((datum) => `${datum.label}: ${datum.note}`).join('; ')),
    data.map((datum, index) => {
      const y = index * row + 4;
      const barWidth = Math.max(2, (datum.value / max) * span);
      return svg(
        'g',
        { class: 'chart-row', 'aria-hidden': 'true' },
        svg('text', { x: labelWidth - 8, y: y + barHeight / 2, class: 'chart-label', 'text-anchor': 'end', 'dominant-baseline': 'middle' }, datum.label),
        svg('rect', { x: labelWidth, y, width: barWidth.toFixed(1), height: barHeight, rx: 2, class: 'chart-bar' }),
        svg('text', { x: labelWidth + barWidth + 6, y: y + barHeight / 2, class: 'chart-value', 'dominant-baseline': 'middle' }, datum.note),
      );
    }),
  );
}

/** A plain table with the same numbers (the chart's text fallback). */
export function dataTable(caption: string, headers: readonly string[], rows: readonly (readonly (string | number | Node)[])[]): HTMLTableElement {
  return h(
    'table',
    { class: 'data-table' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((header) => h('th', { scope: 'col' }, header)))),
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell, index) => (index === 0 ? h('th', { scope: 'row' }, cell) : h('td', {}, cell)))))),
  );
}
