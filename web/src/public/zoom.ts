import { h } from '../lib/dom.ts';

/**
 * The object's picture full size, zoomable: recognising the object is the
 * whole point of the page. A modal <dialog> (focus kept inside, Escape
 * closes, focus returns to the opener), zoom by buttons, keyboard (+ − 0,
 * arrows pan), pinch (two pointers) and Ctrl/⌘ + wheel.
 */
export interface ZoomLabels {
  readonly open: string;
  readonly close: string;
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly reset: string;
  readonly hint: string;
  readonly level: (percent: number) => string;
}

const MIN = 1;
const MAX = 8;
const STEP = 1.5;
const PAN = 40;

export function zoomableImage(image: HTMLImageElement, title: string, lang: string, labels: ZoomLabels): HTMLElement {
  const opener = h('button', { type: 'button', class: 'zoom-open', 'aria-haspopup': 'dialog' }, image, h('span', { class: 'zoom-open-label' }, labels.open));
  opener.addEventListener('click', () => openViewer(image, title, lang, labels, opener));
  return opener;
}

function openViewer(source: HTMLImageElement, title: string, lang: string, labels: ZoomLabels, opener: HTMLElement): void {
  let scale = MIN;
  let x = 0;
  let y = 0;
  const picture = h('img', { src: source.src, alt: source.alt, class: 'zoom-image', draggable: 'false' });
  const stage = h('div', { class: 'zoom-stage', tabindex: 0, role: 'group', 'aria-describedby': 'zoom-hint', 'aria-label': source.alt });
  stage.append(picture);
  const level = h('output', { class: 'zoom-level', 'aria-live': 'polite' });
  const zoomOut = h('button', { type: 'button', class: 'button button-small', 'aria-label': labels.zoomOut }, '−');
  const zoomIn = h('button', { type: 'button', class: 'button button-small', 'aria-label': labels.zoomIn }, '+');
  const reset = h('button', { type: 'button', class: 'button button-small' }, labels.reset);
  const close = h('button', { type: 'button', class: 'button button-small zoom-close' }, labels.close);
  const heading = h('h2', { id: 'zoom-title', class: 'zoom-title', lang }, title);
  const dialog = h(
    'dialog',
    { class: 'zoom-dialog', 'aria-labelledby': 'zoom-title' },
    h('div', { class: 'zoom-bar' }, heading, h('div', { class: 'zoom-controls' }, zoomOut, level, zoomIn, reset, close)),
    h('p', { id: 'zoom-hint', class: 'hint zoom-hint' }, labels.hint),
    stage,
  );

  const apply = (): void => {
    scale = Math.min(MAX, Math.max(MIN, scale));
    // Keep the picture's edge inside the stage: no panning off into nothing.
    const limitX = ((scale - 1) * stage.clientWidth) / 2;
    const limitY = ((scale - 1) * stage.clientHeight) / 2;
    x = Math.min(limitX, Math.max(-limitX, x));
    y = Math.min(limitY, Math.max(-limitY, y));
    picture.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
    level.textContent = labels.level(Math.round(scale * 100));
    zoomOut.disabled = scale <= MIN;
    zoomIn.disabled = scale >= MAX;
  };
  const zoomBy = (factor: number): void => {
    scale *= factor;
    apply();
  };

  zoomIn.addEventListener('click', () => zoomBy(STEP));
  zoomOut.addEventListener('click', () => zoomBy(1 / STEP));
  reset.addEventListener('click', () => {
    scale = MIN;
    x = 0;
    y = 0;
    apply();
  });
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    dialog.remove();
    opener.focus();
  });
  dialog.addEventListener('keydown', (event) => {
    if (event.key === '+' || event.key === '=') zoomBy(STEP);
    else if (event.key === '-' || event.key === '_') zoomBy(1 / STEP);
    else if (event.key === '0') {
      scale = MIN;
      x = 0;
      y = 0;
      apply();
    } else if (event.target === stage && event.key.startsWith('Arrow')) {
      // Arrows move the picture the way they point, whatever the text direction.
      if (event.key === 'ArrowLeft') x += PAN;
      if (event.key === 'ArrowRight') x -= PAN;
      if (event.key === 'ArrowUp') y += PAN;
      if (event.key === 'ArrowDown') y -= PAN;
      apply();
    } else return;
    event.preventDefault();
  });
  stage.addEventListener(
    'wheel',
    (event) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      zoomBy(event.deltaY < 0 ? 1.1 : 1 / 1.1);
    },
    { passive: false },
  );

  // Pinch and drag with pointers: two fingers zoom, one finger (or the mouse) pans.
  const pointers = new Map<number, { x: number; y: number }>();
  let pinchStart = 0;
  let scaleStart = MIN;
  const distance = (): number => {
    const [a, b] = [...pointers.values()];
    return a !== undefined && b !== undefined ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
  };
  stage.addEventListener('pointerdown', (event) => {
    stage.setPointerCapture(event.pointerId);
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pointers.size === 2) {
      pinchStart = distance();
      scaleStart = scale;
    }
  });
  stage.addEventListener('pointermove', (event) => {
    const last = pointers.get(event.pointerId);
    if (last === undefined) return;
    const now = { x: event.clientX, y: event.clientY };
    pointers.set(event.pointerId, now);
    if (pointers.size === 2 && pinchStart > 0) {
      scale = scaleStart * (distance() / pinchStart);
    } else if (pointers.size === 1) {
      x += now.x - last.x;
      y += now.y - last.y;
    }
    apply();
  });
  const release = (event: PointerEvent): void => {
    pointers.delete(event.pointerId);
    if (pointers.size < 2) pinchStart = 0;
  };
  stage.addEventListener('pointerup', release);
  stage.addEventListener('pointercancel', release);

  document.body.append(dialog);
  dialog.showModal();
  apply();
  stage.focus();
}
