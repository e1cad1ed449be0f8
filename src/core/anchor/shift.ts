/**
 * Live range tracking: applies the content changes of one VS Code `onDidChangeTextDocument`
 * event to annotation ranges (UTF-16 offsets). The changes of one event refer to the document
 * before the event and do not overlap; they are applied from the last to the first.
 */
export interface ContentChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

export interface ShiftedRange {
  start: number;
  end: number;
  /** The whole annotated text was deleted: the annotation is orphaned (not removed). */
  orphan: boolean;
}

/**
 * Rules: text inserted before a range (or exactly at its start) shifts it; inserted inside grows
 * it; inserted exactly at its end is not part of it; a deletion overlapping part of it clips it; a
 * deletion of all of it makes it an orphan, collapsed at the deletion point.
 */
export function shiftRanges(ranges: readonly { start: number; end: number; orphan?: boolean }[], changes: readonly ContentChange[]): ShiftedRange[] {
  const n = ranges.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const orphans = new Uint8Array(n);
  ranges.forEach((r, i) => {
    starts[i] = r.start;
    ends[i] = r.end;
    orphans[i] = r.orphan ? 1 : 0;
  });
  shiftOffsets(starts, ends, orphans, n, changes);
  return ranges.map((_, i) => ({ start: starts[i]!, end: ends[i]!, orphan: orphans[i] === 1 }));
}

/**
 * `shiftRanges` in place, on the first `count` entries of parallel arrays (range `i` is
 * `starts[i]`–`ends[i]`, an orphan when `orphans[i]` is 1): nothing is allocated per range, so a
 * keystroke in an article with thousands of annotations leaves no garbage.
 */
export function shiftOffsets(
  starts: Int32Array,
  ends: Int32Array,
  orphans: Uint8Array,
  count: number,
  changes: readonly ContentChange[],
  /** Set to 1 for each range a change overlaps, grows or orphans, and each orphan a change reaches (left alone otherwise). */
  touched?: Uint8Array,
): void {
  // Last first; at the same offset the change reaching further first (an insertion there comes after it).
  const sorted = changes.length === 1 ? changes : [...changes].sort((a, b) => b.rangeOffset - a.rangeOffset || b.rangeLength - a.rangeLength);
  for (const c of sorted) {
    const off = c.rangeOffset;
    const delLength = c.rangeLength;
    const delEnd = off + delLength;
    const insLength = c.text.length;
    const delta = insLength - delLength;
    for (let i = 0; i < count; i++) {
      const start = starts[i]!;
      const end = ends[i]!;
      if (orphans[i] === 1) {
        // An orphan is a point: it moves with the text after it and falls into a deletion around it.
        if (start >= delEnd && (delLength > 0 || start > off)) {
          starts[i] = start + delta;
          ends[i] = end + delta;
        } else if (start > off && start < delEnd) {
          starts[i] = off;
          ends[i] = off;
        }
        if (touched && start >= off && start <= delEnd) touched[i] = 1;
        continue;
      }
      if (end < off || (end === off && delLength === 0) || (end === off && start < end)) continue; // before
      if (start >= delEnd && (delLength > 0 || start >= off)) {
        // after (an insertion exactly at the start shifts the range)
        starts[i] = start + delta;
        ends[i] = end + delta;
        continue;
      }
      if (delLength > 0 && off <= start && end <= delEnd) {
        // the whole annotated text was deleted (or replaced)
        starts[i] = off;
        ends[i] = off;
        orphans[i] = 1;
        if (touched) touched[i] = 1;
        continue;
      }
      // overlap: clip or grow
      if (touched) touched[i] = 1;
      starts[i] = start < off ? start : off;
      ends[i] = end >= delEnd ? end + delta : off + insLength;
    }
  }
}
