import * as assert from 'node:assert/strict';
import { classifyPath, diffListings, EXPORT_MARKER, globToRegExp, inExportFolder, interpretWatcherEvent, isInside, movedPath, movesOf, relativeTo, staticPrefix, watchPatternOf } from '../../src/core/files';
import { exportTo } from '../../src/core/export';

describe('file-event hub decisions', () => {
  const byGlob = (glob: string) => {
    const re = globToRegExp(glob);
    return (rel: string) => re.test(rel);
  };

  it('classifies paths as article, sidecar or other under a glob', () => {
    const cases: [glob: string, rel: string, kind: string][] = [
      ['seeds/**/*.txt', 'seeds/a.txt', 'article'],
      ['seeds/**/*.txt', 'seeds/sub/deep/a.txt', 'article'],
      ['seeds/**/*.txt', 'seeds/a.txt.annotations.yaml', 'sidecar'],
      ['seeds/**/*.txt', 'seeds/sub/a.txt.annotations.yaml', 'sidecar'],
      ['seeds/**/*.txt', 'other/a.txt', 'other'],
      ['seeds/**/*.txt', 'other/a.txt.annotations.yaml', 'other'],
      ['seeds/**/*.txt', 'seeds/a.md', 'other'],
      ['seeds/**/*.txt', 'seeds/sub', 'other'],
      ['seeds/**/*.txt', 'seeds/.annotations.yaml', 'other'],
      ['seeds/**/*.txt', 'seeds/a.txt.reset-tmp', 'other'],
      ['**/*.md', 'notes/a.md', 'article'],
      ['**/*.md', 'a.md', 'article'],
      ['**/*.md', 'notes/a.md.annotations.yaml', 'sidecar'],
      ['**/*.md', 'notes/a.txt', 'other'],
      ['**/*.md', 'notes/a.txt.annotations.yaml', 'other'],
      ['{news,blogs}/*.txt', 'blogs/a.txt', 'article'],
      ['{news,blogs}/*.txt', 'blogs/x/a.txt', 'other'],
      // A glob that would match sidecars themselves: they are still sidecars, never articles.
      ['**/*', 'a.txt.annotations.yaml', 'sidecar'],
    ];
    for (const [glob, rel, kind] of cases) assert.equal(classifyPath(rel, byGlob(glob)), kind, `${glob} ${rel}`);
  });

  it('watches the glob’s first fixed folder and the folder itself', () => {
    const cases: [string, string, string][] = [
      ['seeds/**/*.txt', 'seeds', '{seeds,seeds/**}'],
      ['corpus/2024/*.txt', 'corpus/2024', '{corpus,corpus/**}'],
      ['**/*.md', '', '**'],
      ['*.txt', '', '**'],
      ['{a,b}/*.txt', '', '**'],
    ];
    for (const [glob, prefix, pattern] of cases) {
      assert.equal(staticPrefix(glob), prefix, glob);
      assert.equal(watchPatternOf(glob), pattern, glob);
    }
  });

  it('tells what a folder rename moves and what stays', () => {
    const cases: [path: string, from: string, to: string, moved: string | undefined][] = [
      ['seeds/sub/a.txt', 'seeds/sub', 'seeds/new', 'seeds/new/a.txt'],
      ['seeds/sub/deep/a.txt', 'seeds/sub', 'seeds/new', 'seeds/new/deep/a.txt'],
      ['seeds/sub', 'seeds/sub', 'seeds/new', 'seeds/new'],
      ['seeds/subway/a.txt', 'seeds/sub', 'seeds/new', undefined],
      ['seeds/su', 'seeds/sub', 'seeds/new', undefined],
      ['other/a.txt', 'seeds/sub', 'seeds/new', undefined],
      ['file:///w/seeds/sub/a%20b.txt', 'file:///w/seeds/sub', 'file:///w/x', 'file:///w/x/a%20b.txt'],
    ];
    for (const [path, from, to, moved] of cases) {
      assert.equal(movedPath(path, from, to), moved, `${path} ${from}`);
      assert.equal(isInside(path, from), moved !== undefined, path);
    }
    assert.deepEqual(movesOf(['s/a/1', 's/b/1', 's/a'], 's/a', 's/c'), [['s/a/1', 's/c/1'], ['s/a', 's/c']]);
  });

  it('makes paths relative to a workspace folder', () => {
    assert.equal(relativeTo('/w/seeds/a.txt', '/w'), 'seeds/a.txt');
    assert.equal(relativeTo('/w/seeds/a.txt', '/w/'), 'seeds/a.txt');
    assert.equal(relativeTo('/w', '/w'), '');
    assert.equal(relativeTo('/wx/a.txt', '/w'), undefined);
    assert.equal(relativeTo('/elsewhere/a.txt', '/w'), undefined);
  });

  it('turns watcher events into typed events', () => {
    const isArticle = byGlob('seeds/**/*.txt');
    const known = ['seeds/a.txt', 'seeds/sub/b.txt'];
    const cases: [change: 'created' | 'changed' | 'deleted', rel: string, known: string[] | undefined, expected: unknown][] = [
      ['created', 'seeds/a.txt', known, { kind: 'event', event: { kind: 'articleCreated', uri: 'seeds/a.txt' } }],
      ['changed', 'seeds/a.txt', known, { kind: 'event', event: { kind: 'articleChanged', uri: 'seeds/a.txt' } }],
      ['deleted', 'seeds/a.txt', known, { kind: 'event', event: { kind: 'articleDeleted', uri: 'seeds/a.txt' } }],
      ['created', 'seeds/a.txt.annotations.yaml', known, { kind: 'event', event: { kind: 'sidecarCreated', uri: 'seeds/a.txt.annotations.yaml' } }],
      ['changed', 'seeds/a.txt.annotations.yaml', known, { kind: 'event', event: { kind: 'sidecarChanged', uri: 'seeds/a.txt.annotations.yaml' } }],
      ['deleted', 'seeds/a.txt.annotations.yaml', known, { kind: 'event', event: { kind: 'sidecarDeleted', uri: 'seeds/a.txt.annotations.yaml' } }],
      // A folder's delete is the only event for the files in it.
      ['deleted', 'seeds/sub', known, { kind: 'event', event: { kind: 'folderDeleted', uri: 'seeds/sub' } }],
      ['deleted', 'seeds', known, { kind: 'event', event: { kind: 'folderDeleted', uri: 'seeds' } }],
      ['deleted', 'seeds/empty', known, undefined],
      ['deleted', 'seeds/notes.md', known, undefined],
      ['deleted', 'seeds/sub', undefined, { kind: 'event', event: { kind: 'folderDeleted', uri: 'seeds/sub' } }],
      // A folder moved in is reported once, for the folder.
      ['created', 'seeds/moved', known, { kind: 'maybeFolder', rel: 'seeds/moved' }],
      ['changed', 'seeds/notes.md', known, undefined],
    ];
    for (const [change, rel, k, expected] of cases) assert.deepEqual(interpretWatcherEvent(change, rel, isArticle, k), expected, `${change} ${rel}`);
  });

  it('diffs two listings', () => {
    assert.deepEqual(diffListings(['a', 'b', 'c'], ['b', 'c', 'd']), { created: ['d'], deleted: ['a'] });
    assert.deepEqual(diffListings([], []), { created: [], deleted: [] });
  });
  it('tells what lies under a folder holding an export marker', () => {
    const folders = ['file:///w/exports/brat', 'file:///w/b'];
    const cases: [string, boolean][] = [
      ['file:///w/exports/brat/seeds/a.txt', true],
      ['file:///w/exports/brat/a.txt', true],
      ['file:///w/exports/brat', false], // the folder itself is not under itself
      ['file:///w/exports/brat2/a.txt', false],
      ['file:///w/exports/a.txt', false],
      ['file:///w/b/c/d.txt', true],
      ['file:///w/seeds/a.txt', false],
    ];
    for (const [path, under] of cases) assert.equal(inExportFolder(path, folders), under, path);
    assert.equal(inExportFolder('file:///w/exports/brat/a.txt', []), false);
  });

  it('a brat export writes the marker first, before any copy of an article', () => {
    const files = exportTo('brat', [{ path: 'seeds/a.txt', text: 'Talks resumed.', annotations: [] }], {});
    assert.equal(files[0]!.path, EXPORT_MARKER);
    assert.match(String(files[0]!.data), /Delete this file to annotate them/);
    assert.deepEqual(files.map((f) => f.path).slice(1).sort(), ['annotation.conf', 'seeds/a.ann', 'seeds/a.txt']);
  });
});
