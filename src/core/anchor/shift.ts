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
  const out: ShiftedRange[] = ranges.map((r) => ({ start: r.start, end: r.end, orphan: r.orphan ?? false }));
  // Last first; at the same offset the change reaching further first (an insertion there comes after it).
  const sorted = [...changes].sort((a, b) => b.rangeOffset - a.rangeOffset || b.rangeLength - a.rangeLength);
  for (const c of sorted) {
    const off = c.rangeOffset;
    const delEnd = off + c.rangeLength;
    const delta = c.text.length - c.rangeLength;
    for (const r of out) {
      if (r.orphan) {
        // An orphan is a point: it moves with the text after it and falls into a deletion around it.
        if (r.start >= delEnd && (c.rangeLength > 0 || r.start > off)) {
          r.start += delta;
          r.end += delta;
        } else if (r.start > off && r.start < delEnd) {
          r.start = off;
          r.end = off;
        }
        continue;
      }
      if (r.end < off || (r.end === off && c.rangeLength === 0) || (r.end === off && r.start < r.end)) continue; // before
      if (r.start >= delEnd && (c.rangeLength > 0 || r.start >= off)) {
        // after (an insertion exactly at the start shifts the range)
        r.start += delta;
        r.end += delta;
        continue;
      }
      if (c.rangeLength > 0 && off <= r.start && r.end <= delEnd) {
        // the whole annotated text was deleted (or replaced)
        r.start = off;
        r.end = off;
        r.orphan = true;
        continue;
      }
      // overlap: clip or grow
      const ns = r.start < off ? r.start : off;
      const ne = r.end >= delEnd ? r.end + delta : off + c.text.length;
      r.start = ns;
      r.end = ne;
    }
  }
  return out;
}
