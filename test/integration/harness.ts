// Access to the end-to-end harness of scripts/run-integration.mjs (screenshots, rendered DOM).
// Only `*.e2e.test.ts` files use it; runners without a browser leave those files out.

export interface DomNode {
  text: string;
  title: string;
  ariaLabel: string;
  className: string;
  /** Rendered (laid out, not `display: none`). */
  visible: boolean;
}

function base(): string {
  const url = process.env.AA_HARNESS_URL;
  if (!url) throw new Error('AA_HARNESS_URL is not set: end-to-end tests need scripts/run-integration.mjs');
  return url;
}

export function harnessAvailable(): boolean {
  return !!process.env.AA_HARNESS_URL;
}

/** Which workbench page a request is about: the one running the tests, or the second one (`openSecondPage`). */
export type PageNo = 1 | 2;
const onPage = (page: PageNo) => (page === 2 ? '&page=2' : '');

/** Saves test-artifacts/<name>.png of the whole workbench and returns its path. */
export async function screenshot(name: string, page: PageNo = 1): Promise<string> {
  const r = await fetch(`${base()}/screenshot?name=${encodeURIComponent(name)}${onPage(page)}`);
  const body = (await r.json()) as { path?: string; error?: string };
  if (!r.ok || !body.path) throw new Error(`screenshot failed: ${body.error}`);
  return body.path;
}

/** Elements of the workbench page matching a CSS selector. */
export async function queryDom(selector: string, page: PageNo = 1): Promise<DomNode[]> {
  const r = await fetch(`${base()}/dom?selector=${encodeURIComponent(selector)}${onPage(page)}`);
  if (!r.ok) throw new Error(`dom query failed: ${await r.text()}`);
  return (await r.json()) as DomNode[];
}

/** An element of a webview's document (or another frame's), with its `data-` attributes. */
export interface FrameNode extends DomNode {
  data: Record<string, string>;
}

async function frame<T>(op: string, params: Record<string, string | number>): Promise<T> {
  const q = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const r = await fetch(`${base()}/frame/${op}?${q}`);
  if (!r.ok) throw new Error(`frame ${op} failed: ${await r.text()}`);
  return (await r.json()) as T;
}

/** Elements matching `selector` in the first frame (webviews are nested iframes) that has one; [] if none. */
export function frameDom(selector: string): Promise<FrameNode[]> {
  return frame('dom', { selector });
}

/** A real mouse click on the element, at (x, y) inside it (its centre by default); returns the page point. */
export function frameClick(selector: string, at?: { x: number; y: number }): Promise<{ x: number; y: number }> {
  return frame('click', { selector, ...(at ? { x: at.x, y: at.y } : {}) });
}

/** Chooses `value` in the <select> `selector` (as the user does; `change` fires). */
export async function frameSelect(selector: string, value: string): Promise<void> {
  await frame('select', { selector, value });
}

/** Types `value` into the input `selector` (`input` and `change` fire). */
export async function frameFill(selector: string, value: string): Promise<void> {
  await frame('fill', { selector, value });
}

/** The value of a JavaScript expression in the frame that has `selector`. */
export async function frameEval<T>(selector: string, expr: string): Promise<T> {
  return (await frame<{ value: T }>('eval', { selector, expr })).value;
}

/** What the active text editor renders (scripts/lib/editorGeometry.mjs): overflow and scrollbar. */
export interface EditorGeometry {
  error?: string;
  /** Right edge of the text area: the minimap's left edge, or the vertical scrollbar's. */
  limit: number;
  left: number;
  /** Rendered text spans in view. */
  spans: number;
  /** Spans showing a speaker label (`◂ …`). */
  labels: { text: string; left: number; right: number; top: number }[];
  /** Spans whose right edge is past `limit`. */
  overflowing: { text: string; right: number }[];
  horizontalScrollbar: boolean;
}

export async function editorGeometry(): Promise<EditorGeometry> {
  const r = await fetch(`${base()}/editor-geometry`);
  if (!r.ok) throw new Error(`editor geometry failed: ${await r.text()}`);
  return (await r.json()) as EditorGeometry;
}

/** Presses a key in the workbench page (e.g. `Escape`, `Control+Alt+A`). */
export async function pressKey(key: string, page: PageNo = 1): Promise<void> {
  const r = await fetch(`${base()}/key?key=${encodeURIComponent(key)}${onPage(page)}`);
  if (!r.ok) throw new Error(`key failed: ${await r.text()}`);
}

/** Types text in the workbench page, key by key. */
export async function typeText(text: string, page: PageNo = 1): Promise<void> {
  const r = await fetch(`${base()}/type?text=${encodeURIComponent(text)}${onPage(page)}`);
  if (!r.ok) throw new Error(`typing failed: ${await r.text()}`);
}

/**
 * Opens a second workbench page on the same server and folder, with the extension loaded (its
 * own extension host): another VS Code window on the same workspace. Resolves once its
 * workbench is shown.
 */
export async function openSecondPage(): Promise<void> {
  const r = await fetch(`${base()}/open-page`);
  if (!r.ok) throw new Error(`opening a second page failed: ${await r.text()}`);
}

export async function closeSecondPage(): Promise<void> {
  await fetch(`${base()}/close-page`);
}

/** Polls until `probe` returns a truthy value (or throws after `timeoutMs`). */
export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 10000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
