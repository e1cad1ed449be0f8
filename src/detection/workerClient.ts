import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Detection, Lexicon } from '../core/model';

/** Runs detection in a worker thread (started on first use, ended on dispose). */
export class DetectionWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (d: Detection) => void; reject: (e: Error) => void }>();

  constructor(private readonly extensionPath: string) {}

  private ensure(): Worker {
    if (!this.worker) {
      const w = new Worker(path.join(this.extensionPath, 'dist', 'detectWorker.js'));
      w.on('message', (m: { id: number; detection?: Detection; error?: string }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.detection) p.resolve(m.detection);
        else p.reject(new Error(m.error ?? 'detection failed'));
      });
      w.on('error', (e) => this.failAll(e));
      w.on('exit', () => {
        this.worker = undefined;
        this.failAll(new Error('detection worker stopped'));
      });
      w.unref();
      this.worker = w;
    }
    return this.worker;
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  detect(text: string, lexicon: Lexicon): Promise<Detection> {
    const id = this.nextId++;
    return new Promise<Detection>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.ensure().postMessage({ id, text, lexicon });
    });
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
