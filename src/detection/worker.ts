/**
 * Worker thread that runs core detection for long texts, so that the extension host keeps
 * answering the editor while a long article is analysed. Bundled to dist/detectWorker.js.
 */
import { parentPort } from 'node:worker_threads';
import { detect } from '../core/detect';
import type { Lexicon } from '../core/model';

parentPort?.on('message', (msg: { id: number; text: string; lexicon: Lexicon }) => {
  try {
    parentPort!.postMessage({ id: msg.id, detection: detect(msg.text, msg.lexicon) });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: String(e) });
  }
});
