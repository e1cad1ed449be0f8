/**
 * Following one document change event with live annotation ranges (UTF-16 offsets), in place.
 *
 * Ranges no change reaches only shift (no allocation per annotation: a keystroke in an article
 * with thousands of annotations stays cheap). A range a change touches keeps its place only if
 * its text there still equals its quote; otherwise it is looked for again in the new text
 * (`Anchorer.relocate`: the same quote in full context near the old place, then the approximate
 * search) and orphaned only when not found. VS Code reports a reload from disk as one edit
 * replacing every line between the first and the last change, so this is what keeps annotations
 * inside such a block. Invariant: afterwards each range's text equals its quote, or it is
 * `fuzzy` or `orphan`.
 */
import type { AnchorStatus, Annotation } from '../model';
import { Anchorer } from './index';
import { shiftOffsets, type ContentChange } from './shift';

export interface LiveRange {
  annotation: Pick<Annotation, 'quote' | 'prefix' | 'suffix'>;
  status: AnchorStatus;
  start16: number;
  end16: number;
}

export interface FollowResult {
  /** Some offsets changed. */
  moved: boolean;
  /**
   * Some status changed (orphaned, found again, now fuzzy) or an annotation was found again
   * elsewhere than the change left it: what is shown changes (an editor's own tracking of
   * decorations does not follow a range through a replaced block).
   */
  statusChanged: boolean;
}

/** Keeps its buffers between events; one per store. */
export class EditFollower {
  private starts = new Int32Array(0);
  private ends = new Int32Array(0);
  private orphans = new Uint8Array(0);
  private touched = new Uint8Array(0);

  /** `newText` is asked for only when a change touches an annotation. */
  follow(items: readonly LiveRange[], changes: readonly ContentChange[], newText: () => string): FollowResult {
    const n = items.length;
    if (this.starts.length < n) {
      const size = Math.max(n, 2 * this.starts.length);
      this.starts = new Int32Array(size);
      this.ends = new Int32Array(size);
      this.orphans = new Uint8Array(size);
      this.touched = new Uint8Array(size);
    }
    const { starts, ends, orphans, touched } = this;
    for (let i = 0; i < n; i++) {
      const item = items[i]!;
      starts[i] = item.start16;
      ends[i] = item.end16;
      orphans[i] = item.status === 'orphan' ? 1 : 0;
      touched[i] = 0;
    }
    shiftOffsets(starts, ends, orphans, n, changes, touched);
    let moved = false;
    let statusChanged = false;
    let text: string | undefined;
    let anchorer: Anchorer | undefined;
    for (let i = 0; i < n; i++) {
      const item = items[i]!;
      let start16 = starts[i]!;
      let end16 = ends[i]!;
      let status: AnchorStatus = orphans[i] === 1 ? 'orphan' : item.status;
      if (touched[i] === 1) {
        text ??= newText();
        if (status === 'orphan' || text.slice(start16, end16) !== item.annotation.quote) {
          anchorer ??= new Anchorer(text);
          // Near where the change left it, or where it was before (inside a replaced block).
          const found = anchorer.relocate(item.annotation, start16, item.start16);
          if (found.start16 !== start16 || found.end16 !== end16) statusChanged = true;
          status = found.status;
          start16 = found.start16;
          end16 = found.end16;
        } else if (status === 'fuzzy') {
          status = 'moved';
        }
      }
      if (start16 !== item.start16 || end16 !== item.end16) {
        moved = true;
        item.start16 = start16;
        item.end16 = end16;
      }
      if (status !== item.status) {
        item.status = status;
        statusChanged = true;
      }
    }
    return { moved, statusChanged };
  }
}
