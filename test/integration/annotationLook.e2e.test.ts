// A user's annotation against a detection (issue 15, item 6): the decoration styles the two
// features give VS Code, what the workbench draws (the gutter mark), and the label picker's
// colour swatches; screenshots test-artifacts/annotation-vs-detection.png and label-picker.png.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { pressKey, queryDom, screenshot, waitFor } from './harness';
import { api, resetArticle, seedUri, selectText, writeSidecar } from './util';

const ARTICLE = seedUri('003_f2cdae8a492d10f5.txt');

const themeId = (c: unknown) => (c instanceof vscode.ThemeColor ? (c as unknown as { id: string }).id : undefined);
const dataSvg = (u: unknown) => {
  assert.ok(u instanceof vscode.Uri && u.scheme === 'data', `a data: URI, not ${String(u)}`);
  const s = u.toString(true);
  return Buffer.from(s.slice(s.indexOf(',') + 1), 'base64').toString('utf8');
};

describe('annotations look unlike detections (rendered workbench)', () => {
  let original: string;
  before(() => {
    original = fs.readFileSync(ARTICLE.fsPath, 'utf8');
  });
  after(async () => {
    await vscode.workspace.getConfiguration('articleAnnotator').update('labels', undefined, vscode.ConfigurationTarget.Workspace);
    await resetArticle(ARTICLE, original);
  });

  it('draws an annotation as a solid box in its label colour with a gutter mark, a detection as a dotted tint', async () => {
    const a = await api();
    await vscode.workspace.getConfiguration('articleAnnotator').update(
      'labels',
      [
        { name: 'actor', color: '#1f77b4', description: 'A person, organisation or place acting in the story' },
        { name: 'claim', color: '#d62728', description: 'A statement attributed to a source' },
        { name: 'stance', color: 'charts.purple', description: 'A label coloured by the theme' },
        { name: 'note', description: 'No colour: the theme default' },
      ],
      vscode.ConfigurationTarget.Workspace,
    );
    // "Mark C. Toner" is also detected as a person, drawn in the same blue as the actor label.
    writeSidecar(ARTICLE, [
      { id: 'look-actor', label: 'actor', quote: 'Mark C. Toner' },
      { id: 'look-claim', label: 'claim', quote: 'We want to see full accountability for these terrible attacks', speaker: 'Mark C. Toner' },
      { id: 'look-stance', label: 'stance', quote: 'Pakistan' },
      { id: 'look-note', label: 'note', quote: 'terrorist' },
    ]);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(ARTICLE));
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    const key = ARTICLE.toString();
    await waitFor(() => (a.annotationFeature.decorations.applied.get(key)?.size ?? 0) === 4, 15000, 'four labels drawn');
    await waitFor(() => (a.detectionFeature.decorations.applied.get(key)?.get('person')?.length ?? 0) > 0, 15000, 'detections drawn');

    const ann = a.annotationFeature.decorations.styles;
    const det = a.detectionFeature.decorations.styles;
    // An annotation: a solid box on all sides in the codebook colour, a gutter mark in that colour.
    const actor = ann.get('actor')!;
    assert.equal(actor.borderStyle, 'solid');
    assert.equal(actor.borderWidth, '1px');
    assert.equal(actor.borderColor, '#1f77b4');
    assert.equal(actor.overviewRulerColor, '#1f77b4');
    assert.match(dataSvg(actor.gutterIconPath), /<rect [^>]*fill="#1f77b4"/);
    assert.match(dataSvg(ann.get('claim')!.gutterIconPath), /fill="#d62728"/);
    // Theme colour ids follow the theme; no colour gives the contributed default.
    assert.equal(themeId(ann.get('stance')!.borderColor), 'charts.purple');
    assert.equal(themeId(ann.get('note')!.borderColor), 'articleAnnotator.annotationBorder');
    assert.equal(themeId(ann.get('note')!.backgroundColor), 'articleAnnotator.annotationBackground');
    // A detection: a tint and a dotted underline (claims a dotted left bar), no gutter mark.
    for (const kind of ['person', 'organization', 'place', 'other', 'claim'] as const) {
      const d = det.get(kind)!;
      assert.equal(d.borderStyle, 'dotted', kind);
      assert.ok(d.borderWidth === '0 0 1px 0' || d.borderWidth === '0 0 0 2px', `${kind}: one side only (${d.borderWidth})`);
      assert.equal(d.gutterIconPath, undefined, kind);
      assert.ok(themeId(d.backgroundColor), `${kind} tinted with a theme colour`);
    }

    // Drawn: gutter marks on the lines of the annotations in view (the claim and the actor on one
    // paragraph, the note on the one before).
    const line = (q: string) => vscode.window.activeTextEditor!.document.positionAt(original.indexOf(q)).line;
    vscode.window.activeTextEditor!.revealRange(new vscode.Range(line('Mark C. Toner'), 0, line('Mark C. Toner'), 0), vscode.TextEditorRevealType.AtTop);
    const marks = await waitFor(async () => {
      const m = await queryDom('.editor-instance .glyph-margin-widgets .cgmr');
      return m.length >= 3 ? m : undefined;
    }, 10000, 'gutter marks drawn');
    assert.ok(marks.length >= 3, `${marks.length} gutter marks`);
    await screenshot('annotation-vs-detection');
  });

  it('shows each label with its colour in the label picker', async () => {
    await selectText(ARTICLE, 'Mark C. Toner');
    const items = (await api()).annotationFeature.commands.labelItems();
    const byName = new Map(items.map((i) => [i.label, i]));
    assert.match(dataSvg(byName.get('actor')!.iconPath), /<circle [^>]*fill="#1f77b4"/);
    assert.match(dataSvg(byName.get('claim')!.iconPath), /fill="#d62728"/);
    const stance = byName.get('stance')!.iconPath as vscode.ThemeIcon;
    assert.equal(stance.id, 'circle-filled');
    assert.equal(themeId(stance.color), 'charts.purple');
    assert.equal(themeId((byName.get('note')!.iconPath as vscode.ThemeIcon).color), 'articleAnnotator.annotationBorder');
    // The picker as the user sees it: every row has its icon.
    const done = vscode.commands.executeCommand('articleAnnotator.annotateSelection');
    try {
      const rows = await waitFor(async () => {
        const r = await queryDom('.quick-input-widget .monaco-list-row');
        return r.filter((x) => /actor|claim|stance|note/.test(x.text)).length >= 4 ? r : undefined;
      }, 10000, 'the label picker');
      const icons = await queryDom('.quick-input-widget .monaco-list-row .quick-input-list-icon, .quick-input-widget .monaco-list-row .codicon-circle-filled');
      assert.ok(icons.length >= rows.length, `an icon on each of the ${rows.length} rows (${icons.length})`);
      await screenshot('label-picker');
    } finally {
      await pressKey('Escape');
      assert.equal(await done, undefined, 'Escape cancels without annotating');
    }
  });
});
