import { h, replace, svg } from '../lib/dom.ts';
import worldMap from './generated/world-map.json' with { type: 'json' };
import type { OverviewItem } from '#shared/schemas/responses.ts';
import type { ConsoleShared } from './shared.ts';
import { countryName, formatNumber, queueName, t } from './locale.ts';


/** Fill classes by tip count, lightest first; the legend states each bound. */
const SHADES = 5;

/** Upper bounds of the shade classes for these counts: equal steps from 1 to the largest count. */
export function shadeBounds(max: number): number[] {
  if (max <= 0) return [];
  const steps = Math.min(SHADES, max);
  return Array.from({ length: steps }, (_, index) => Math.ceil(((index + 1) * max) / steps));
}

const shadeOf = (count: number, bounds: readonly number[]): number => (count <= 0 ? -1 : bounds.findIndex((bound) => count <= bound));

/**
 * The console's landing view: tips per queue the caller may open, as a table
 * (each country a button that opens its queue) and as a world map shaded by
 * count, drawn from the offline borders built by scripts/build-world-map.ts.
 * The map is for the eye (and the mouse); the table carries every number and
 * is the way in by keyboard and screen reader.
 */
export async function renderOverview(section: HTMLElement, shared: ConsoleShared, openQueue: (country: string) => Promise<void>): Promise<void> {
  const heading = h('h2', { id: 'overview-heading' }, t('overviewHeading'));
  replace(section, heading, h('p', { class: 'muted', role: 'status' }, t('overviewLoading')));
  let items: OverviewItem[];
  try {
    items = (await shared.api<{ items: OverviewItem[] }>('/investigator/overview')).body.items ?? [];
  } catch (error) {
    replace(section, heading, h('p', { class: 'alert alert-error', role: 'alert' }, shared.describe(error)));
    return;
  }
  // The API answers every status for every queue (zero-filled); the keys are its statuses.
  const statuses = [...new Set(items.flatMap((item) => Object.keys(item.byStatus) as (keyof OverviewItem['byStatus'])[]))];
  const counts = new Map(items.map((item) => [item.country, item.total]));
  const bounds = shadeBounds(Math.max(0, ...items.map((item) => item.total)));
  const table = h(
    'table',
    { class: 'data-table overview-table', id: 'overview-table' },
    h('caption', {}, t('overviewCaption')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('overviewQueue')), h('th', { scope: 'col' }, t('overviewTips')), statuses.map((status) => h('th', { scope: 'col' }, shared.statusLabel(status))), h('th', { scope: 'col' }, t('overviewUnread')))),
    h(
      'tbody',
      {},
      items.map((item) =>
        h(
          'tr',
          { 'data-country': item.country },
          h('th', { scope: 'row' }, h('button', { type: 'button', class: 'linklike', onclick: () => void openQueue(item.country), 'aria-label': t('overviewOpenQueue', { country: queueName(item.country) }) }, queueName(item.country))),
          h('td', { class: 'num' }, formatNumber(item.total)),
          statuses.map((status) => h('td', { class: 'num' }, formatNumber(item.byStatus[status] ?? 0))),
          h('td', { class: 'num' }, formatNumber(item.unreadReplies)),
        ),
      ),
    ),
  );
  const located = items.filter((item) => item.total > 0 && item.country !== 'unrouted');
  const map = svg(
    'svg',
    { class: 'world-map', id: 'world-map', viewBox: worldMap.viewBox, role: 'img', 'aria-labelledby': 'world-map-title world-map-desc', focusable: 'false' },
    svg('title', { id: 'world-map-title' }, t('mapTitle')),
    svg('desc', { id: 'world-map-desc' }, located.length === 0 ? t('mapEmpty') : located.map((item) => `${item.country}: ${formatNumber(item.total)}`).join('; ')),
    worldMap.countries.map((country) => {
      const count = counts.get(country.code) ?? 0;
      const shade = shadeOf(count, bounds);
      const open = counts.has(country.code) ? () => void openQueue(country.code) : undefined;
      return svg(
        'path',
        { d: country.d, class: `map-country${shade < 0 ? '' : ` map-shade-${shade}`}${open === undefined ? '' : ' map-open'}`, 'data-country': country.code, onclick: open },
        svg('title', {}, t('mapCountryTips', { name: countryName(country.code, country.name), code: country.code, count })),
      );
    }),
  );
  const legend = h('ul', { class: 'map-legend', 'aria-label': t('mapLegend') },
    bounds.map((bound, index) => h('li', {}, h('span', { class: `map-swatch map-shade-${index}`, 'aria-hidden': 'true' }), t('mapShadeUpTo', { count: bound }))));
  replace(
    section,
    heading,
    h('div', { class: 'overview-grid' },
      h('div', { class: 'table-scroll' }, table),
      h('figure', { class: 'map-figure' }, map, h('figcaption', { class: 'muted' }, t('mapCaption')), legend)),
  );
}
