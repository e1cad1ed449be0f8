import * as assert from 'node:assert/strict';
import { isUiArgument, parseScriptedArgs, type ArgsSpec } from '../../src/core/scriptArgs';
import { COMMAND_ARGS } from '../../src/core/commandArgs';

// What VS Code passes from buttons and menus, as the extension host sees it.
class FakeUri {
  // A vscode.Uri is a class instance with these fields.
  constructor(readonly scheme = 'file', readonly path = '/w/seeds/a.txt', readonly authority = '', readonly query = '', readonly fragment = '') {}
}
const articleRow = { id: 'article:file:///w/a.txt', kind: 'article', uri: new FakeUri() };
const labelRow = { id: 'label:claim', kind: 'label', label: 'claim' };
const actorRow = { id: 'actor:p1', kind: 'actor', actorId: 'p1', name: 'Mark Toner', type: 'person' };
const annotationRow = { id: 'ann:1', parent: 'article:x', kind: 'annotation', uri: new FakeUri(), ref: { kind: 'annotation', article: 'file:///w/a.txt', id: 'a1' }, orphan: false };

const EXPORT: ArgsSpec = {
  format: { type: 'string', required: true, oneOf: ['csv', 'w3c'] },
  scope: { type: 'string', required: true, oneOf: ['article', 'workspace'] },
  output: { type: 'string', required: true },
  includeDetections: { type: 'boolean' },
};
const FILTER: ArgsSpec = { text: { type: 'string' }, label: { type: 'string' }, speaker: { type: 'string' } };
const ANNOTATE: ArgsSpec = { label: { type: 'string', required: true }, tags: { type: 'strings' } };

describe('scripted command arguments', () => {
  const table: { name: string; spec: ArgsSpec; arg: unknown; want: unknown }[] = [
    // UI arguments: the command asks (undefined), whatever the spec.
    { name: 'nothing', spec: EXPORT, arg: undefined, want: undefined },
    { name: 'null', spec: FILTER, arg: null, want: undefined },
    { name: 'a Uri (explorer/editor title)', spec: EXPORT, arg: new FakeUri(), want: undefined },
    { name: 'an article row (title bar with a row selected)', spec: EXPORT, arg: articleRow, want: undefined },
    { name: 'an article row given to filter', spec: FILTER, arg: articleRow, want: undefined },
    { name: 'a label row (has a string label)', spec: ANNOTATE, arg: labelRow, want: undefined },
    { name: 'an actor row', spec: FILTER, arg: actorRow, want: undefined },
    { name: 'an annotation row (carries a ref)', spec: ANNOTATE, arg: annotationRow, want: undefined },
    { name: 'a string', spec: FILTER, arg: 'csv', want: undefined },
    { name: 'a list', spec: FILTER, arg: [{ text: 'x' }], want: undefined },
    // Valid scripted arguments come back as given.
    { name: 'export args', spec: EXPORT, arg: { format: 'csv', scope: 'workspace', output: '/tmp/a.csv' }, want: { format: 'csv', scope: 'workspace', output: '/tmp/a.csv' } },
    { name: 'export args with an optional flag', spec: EXPORT, arg: { format: 'w3c', scope: 'article', output: 'o', includeDetections: true }, want: { format: 'w3c', scope: 'article', output: 'o', includeDetections: true } },
    { name: 'an empty filter', spec: FILTER, arg: {}, want: {} },
    { name: 'a filter on a label', spec: FILTER, arg: { label: 'claim' }, want: { label: 'claim' } },
    { name: 'annotate args with tags', spec: ANNOTATE, arg: { label: 'note', tags: ['a', 'b'] }, want: { label: 'note', tags: ['a', 'b'] } },
    { name: 'an object without prototype', spec: FILTER, arg: Object.assign(Object.create(null), { text: 'x' }), want: Object.assign(Object.create(null), { text: 'x' }) },
    // Invalid scripted arguments are errors naming the field.
    { name: 'an unknown format', spec: EXPORT, arg: { format: 'pdf', scope: 'workspace', output: 'x' }, want: /unknown format "pdf" \(one of csv, w3c\)/ },
    { name: 'a missing required field', spec: EXPORT, arg: { format: 'csv', scope: 'workspace' }, want: /missing argument "output"/ },
    { name: 'an unknown field', spec: FILTER, arg: { txt: 'x' }, want: /unknown argument "txt" \(expected text, label, speaker\)/ },
    { name: 'a wrong type', spec: EXPORT, arg: { format: 'csv', scope: 'workspace', output: 'x', includeDetections: 'yes' }, want: /"includeDetections" must be true or false/ },
    { name: 'tags not a list of texts', spec: ANNOTATE, arg: { label: 'note', tags: 'a,b' }, want: /"tags" must be a list of texts/ },
    { name: 'annotate without a label', spec: ANNOTATE, arg: { tags: [] }, want: /missing argument "label"/ },
  ];
  for (const c of table) {
    it(`${c.name} → ${c.want instanceof RegExp ? 'error' : c.want === undefined ? 'asks' : 'scripted'}`, () => {
      if (c.want instanceof RegExp) assert.throws(() => parseScriptedArgs('cmd', c.arg, c.spec), c.want);
      else assert.deepEqual(parseScriptedArgs('cmd', c.arg, c.spec), c.want);
    });
  }

  // Every real command spec, against everything VS Code passes from buttons and menus: the
  // editor context menu passes the document's Uri, the view title bar the selected row (any
  // kind), item context menus the row (and, with several selected, a list of rows).
  const folderRow = { id: 'folder:file:///w', kind: 'folder', folder: { uri: new FakeUri(), name: 'w', index: 0 } };
  const detectionRow = { id: 'detection:x', parent: 'detections:x', kind: 'detection', uri: new FakeUri(), ref: { kind: 'detection', article: 'file:///w/a.txt', detection: 'actor', start: 0, end: 4, text: 'Mark', label: 'actor', speaker: 'Mark', key: 'actor:p1' }, actorType: 'person' };
  const mentionsRow = { id: 'mentions:p1', parent: 'actor:p1', kind: 'mentions', actorId: 'p1' };
  const uiArgs: [string, unknown][] = [
    ['no argument', undefined],
    ['the editor’s Uri', new FakeUri()],
    ['a folder row', folderRow],
    ['an article row', articleRow],
    ['a label row', labelRow],
    ['an actor row (has name and type)', actorRow],
    ['a mentions row', mentionsRow],
    ['an annotation row', annotationRow],
    ['a detection row', detectionRow],
    ['the selected rows', [annotationRow, detectionRow]],
  ];
  for (const [command, spec] of Object.entries(COMMAND_ARGS)) {
    it(`${command}: every UI argument → asks`, () => {
      for (const [what, arg] of uiArgs) assert.equal(parseScriptedArgs(command, arg, spec), undefined, what);
    });
  }
  const scripted: { command: keyof typeof COMMAND_ARGS; arg: unknown; want: RegExp | 'ok' }[] = [
    { command: 'export', arg: { format: 'csv', scope: 'workspace', output: 'o.csv', rawCsv: true }, want: 'ok' },
    { command: 'export', arg: { format: 'pdf', scope: 'workspace', output: 'o' }, want: /unknown format "pdf"/ },
    { command: 'addToActors', arg: { name: 'Washington', type: 'place', aliasOf: 'United States' }, want: 'ok' },
    { command: 'addToActors', arg: { name: 'Washington' }, want: /missing argument "type"/ },
    { command: 'addToActors', arg: { name: 'Washington', type: 'city' }, want: /unknown type "city"/ },
    { command: 'ignoreActor', arg: { surface: 'Mumbai' }, want: 'ok' },
    { command: 'ignoreActor', arg: { surface: 3 }, want: /"surface" must be a text/ },
    { command: 'toggleActorType', arg: { type: 'place' }, want: 'ok' },
    { command: 'toggleActorType', arg: { type: 'planet' }, want: /unknown type "planet"/ },
    { command: 'editAnnotation', arg: { comment: 'only this' }, want: 'ok' },
    { command: 'annotateSelection', arg: { comment: 'no label' }, want: /missing argument "label"/ },
    { command: 'filter', arg: { speaker: 'Mark Toner' }, want: 'ok' },
  ];
  for (const c of scripted) {
    it(`${c.command} ${JSON.stringify(c.arg)} → ${c.want === 'ok' ? 'scripted' : 'error'}`, () => {
      if (c.want === 'ok') assert.deepEqual(parseScriptedArgs(c.command, c.arg, COMMAND_ARGS[c.command]), c.arg);
      else assert.throws(() => parseScriptedArgs(c.command, c.arg, COMMAND_ARGS[c.command]), c.want);
    });
  }

  it('an item ref passed by a script is not a UI argument; a tree row carrying it is', () => {
    assert.equal(isUiArgument({ kind: 'annotation', article: 'file:///w/a.txt', id: 'a1' }), false);
    assert.equal(isUiArgument(annotationRow), true);
    assert.equal(isUiArgument(articleRow), true);
    assert.equal(isUiArgument({ format: 'csv' }), false);
  });
});
