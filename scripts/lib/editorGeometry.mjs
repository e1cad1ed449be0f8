// What the active text editor of the workbench renders, measured in the page (run it with
// Playwright's page.evaluate): whether any rendered text — a line, a decoration's text, an inlay
// hint — reaches past the text area (the left edge of the minimap, or the vertical scrollbar),
// and whether the editor shows a horizontal scrollbar. Used by the integration harness
// (`/editor-geometry`) and by the `npm start` end-to-end test.
export function editorGeometry() {
  const editors = [...document.querySelectorAll('.editor-instance .monaco-editor')].filter((e) => e.getBoundingClientRect().width > 0);
  const editor = editors.find((e) => e.closest('.editor-group-container.active')) ?? editors[0];
  if (!editor) return { error: 'no visible text editor' };
  const scrollable = editor.querySelector('.editor-scrollable');
  if (!scrollable) return { error: 'no scrollable area in the editor' };
  const area = scrollable.getBoundingClientRect();
  const vbar = scrollable.querySelector(':scope > .scrollbar.vertical');
  let limit = area.right - (vbar ? vbar.getBoundingClientRect().width : 0);
  const minimap = editor.querySelector('.minimap')?.getBoundingClientRect();
  if (minimap && minimap.width > 0) limit = Math.min(limit, minimap.left);
  const labels = [];
  const overflowing = [];
  let spans = 0;
  for (const s of editor.querySelectorAll('.view-lines .view-line span')) {
    if (s.childElementCount > 0) continue; // leaves only: the text as drawn
    const r = s.getBoundingClientRect();
    if (r.width === 0 || r.bottom < area.top || r.top > area.bottom) continue;
    spans++;
    const text = (s.textContent ?? '').replace(/\u00a0/g, ' '); // the editor draws spaces as no-break spaces
    if (text.includes('\u25c2')) labels.push({ text, left: r.left, right: r.right, top: r.top });
    // Rendered text measured with its ::before/::after content, to half a pixel.
    if (r.right > limit + 0.5) overflowing.push({ text: text.slice(0, 80), right: r.right });
  }
  const hbar = scrollable.querySelector(':scope > .scrollbar.horizontal');
  const slider = hbar?.querySelector('.slider');
  const track = hbar?.getBoundingClientRect();
  // Monaco sizes the slider to the whole track when nothing is to scroll.
  const horizontalScrollbar = !!(track && slider && track.width > 0 && track.height > 0 && slider.getBoundingClientRect().width < track.width - 2);
  return { limit, left: area.left, spans, labels, overflowing, horizontalScrollbar };
}
