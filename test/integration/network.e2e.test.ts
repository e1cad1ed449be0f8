// The actor network panel driven as a user drives it: real mouse clicks on the canvas and on the
// side list, the panel's own selects and inputs; what it shows read from the webview's DOM.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { frameClick, frameDom, frameEval, frameFill, frameSelect, screenshot } from './harness';
import { api, seedUri, sidecarOf, waitFor, writeSidecar } from './util';
import * as fs from 'node:fs';
import type { NetworkPanel } from '../../src/network';

interface Drawn {
  nodes: { id: string; label: string; x: number; y: number }[];
  edges: { id: string; source: string; target: string; x: number; y: number }[];
}

const LU = 'We continue to encourage Pakistan to prosecute militant leaders';
const TONER = 'We’re working with Pakistan, we’re making our concerns clear';
const JANJUA = 'Ms Janjua said the US understood Pakistan’s concerns.';

describe('actor network panel', () => {
  // Three coded claims on one topic: two agree (2022-12-09 and 2016-09-07), one disagrees (no date).
  const A = seedUri('002_0758a46f1570366d.txt');
  const B = seedUri('003_f2cdae8a492d10f5.txt');
  const C = seedUri('004_7b40fffef38cf50c.txt');
  before(async () => {
    writeSidecar(A, [{ id: 'n-1', label: 'claim', quote: LU, speaker: 'Donald Lu', about: ['prosecution'], stance: 'agree' }]);
    writeSidecar(B, [{ id: 'n-2', label: 'claim', quote: TONER, speaker: 'Mark C. Toner', about: ['prosecution'], stance: 'agree' }]);
    writeSidecar(C, [{ id: 'n-3', label: 'claim', quote: JANJUA, speaker: 'Tehmina Janjua', about: ['prosecution'], stance: 'disagree' }]);
    const a = await api();
    for (const u of [A, B, C]) await a.services.annotations.discardChanges(u);
    await waitFor(async () => {
      for (const u of [A, B, C]) if ((await a.services.annotations.get(u)).items.length !== 1) return false;
      return true;
    }, 'sidecars loaded');
    // Room for the panel: no chat view beside it.
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
  });
  after(async () => {
    for (const u of [A, B, C]) fs.rmSync(sidecarOf(u).fsPath, { force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** Waits until the page reports `nodes`/`edges` for the network the extension sent last. */
  async function shown(panel: NetworkPanel, nodes: number, edges: number, what: string): Promise<Drawn> {
    await waitFor(async () => {
      const [status] = await frameDom('#status');
      const sent = panel.lastSent;
      return !!status && !!sent && status.data.seq === String(sent.seq) && panel.drawn?.seq === sent.seq;
    }, `${what}: the page drew the network sent last`, 30000);
    const [status] = await frameDom('#status');
    assert.deepEqual([status!.data.nodes, status!.data.edges], [String(nodes), String(edges)], `${what}: nodes and edges the page reports`);
    assert.deepEqual([panel.lastSent!.nodes, panel.lastSent!.edges, panel.drawn!.nodes, panel.drawn!.edges], [nodes, edges, nodes, edges], `${what}: sent and drawn`);
    return frameEval<Drawn>('#graph', '({ nodes: articleAnnotatorNetwork.nodes(), edges: articleAnnotatorNetwork.edges() })');
  }

  async function listed(): Promise<string[]> {
    return (await frameDom('#claims li')).map((li) => li.text);
  }

  it('draws the seed network; a click on a node lists its claims, a click on a claim selects the quote', async () => {
    const a = await api();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(A));
    await vscode.commands.executeCommand('articleAnnotator.showNetwork');
    const panel = await waitFor(() => a.networkFeature.current, 'the panel');
    // Accepted annotations only (the default): each speaker → the actors inside the claim.
    await waitFor(() => panel.drawn, 'the first drawing', 30000);
    const accepted = await shown(panel, panel.lastSent!.nodes, panel.lastSent!.edges, 'who talks about whom');
    const labels = accepted.nodes.map((n) => n.label);
    for (const who of ['Donald Lu', 'Pakistan']) assert.ok(labels.includes(who), `${who} is drawn (${labels.join(', ')})`);
    await screenshot('network-talks-about');

    // The detected claims too: the Detections checkbox, clicked.
    await frameClick('#detections');
    await waitFor(() => panel.lastSent && panel.lastSent.nodes > accepted.nodes.length && panel.drawn?.seq === panel.lastSent.seq, 'network with detections', 30000);
    const withDetections = await shown(panel, panel.lastSent!.nodes, panel.lastSent!.edges, 'with detections');
    assert.ok(withDetections.edges.length > accepted.edges.length);
    await screenshot('network-panel');
    await frameClick('#detections');
    const again = await waitFor(async () => {
      const d = panel.drawn;
      return d && d.seq === panel.lastSent?.seq && d.nodes === accepted.nodes.length ? shown(panel, accepted.nodes.length, accepted.edges.length, 'accepted only again') : undefined;
    }, 'accepted only again', 30000);

    // Click the node of Donald Lu on the canvas: the side list shows his claim.
    const lu = again.nodes.find((n) => n.label === 'Donald Lu')!;
    await frameClick('#graph', lu);
    await waitFor(async () => (await listed()).length > 0, 'the side list');
    const [title] = await frameDom('#side h3');
    assert.equal(title!.text, 'Donald Lu');
    const items = await listed();
    assert.equal(items.length, 1);
    assert.ok(items[0]!.startsWith(`Donald Lu“${LU}”`), items[0]);
    assert.ok(items[0]!.includes('2022-12-09'), `the claim's date is listed: ${items[0]}`);
    assert.deepEqual(panel.listed.map((c) => `${c.speaker}: ${c.quote}`), [`Donald Lu: ${LU}`]);

    // Click the claim: its article opens with the quote selected.
    await frameClick('#claims li');
    const editor = await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === A.toString() && !e.selection.isEmpty ? e : undefined;
    }, 'the article with the quote selected');
    assert.equal(editor.document.getText(editor.selection), LU);
    await vscode.commands.executeCommand('articleAnnotator.showNetwork');

    // Invalid messages, and an element the drawing does not have, are dropped.
    const before = panel.listed;
    await panel.handle({ type: 'select', element: 3 });
    await panel.handle({ type: 'select', element: 'a:person:no such actor' });
    assert.equal(panel.listed, before);
  });

  it('switches the network and filters it with the panel controls', async () => {
    const a = await api();
    const panel = await waitFor(() => a.networkFeature.current, 'the panel');
    // Actors × topics: three speakers, one topic.
    await frameSelect('#kind', 'actor-topic');
    await waitFor(() => panel.lastSent && panel.drawn?.seq === panel.lastSent.seq && panel.drawn.nodes === 4, 'actors × topics', 30000);
    const twoMode = await shown(panel, 4, 3, 'actors × topics');
    assert.deepEqual(twoMode.nodes.map((n) => n.label).sort(), ['Donald Lu', 'Mark C. Toner', 'Tehmina Janjua', 'prosecution']);
    await screenshot('network-actor-topic');

    // Stance: agree only.
    await frameSelect('#stance', 'agree');
    await waitFor(() => panel.drawn?.seq === panel.lastSent?.seq && panel.drawn?.nodes === 3, 'agreeing statements', 30000);
    const agreeing = await shown(panel, 3, 2, 'stance agree');
    assert.ok(!agreeing.nodes.some((n) => n.label === 'Tehmina Janjua'));
    await frameSelect('#stance', '');
    await waitFor(() => panel.drawn?.seq === panel.lastSent?.seq && panel.drawn?.nodes === 4, 'any stance again', 30000);

    // Date range: from 2020-01-01 leaves Donald Lu's statement of 2022-12-09 alone.
    await frameFill('#from', '2020-01-01');
    await waitFor(() => panel.drawn?.seq === panel.lastSent?.seq && panel.drawn?.nodes === 2, 'statements since 2020', 30000);
    const since = await shown(panel, 2, 1, 'from 2020-01-01');
    assert.deepEqual(since.nodes.map((n) => n.label).sort(), ['Donald Lu', 'prosecution']);
    await frameFill('#from', '');
    await waitFor(() => panel.drawn?.seq === panel.lastSent?.seq && panel.drawn?.nodes === 4, 'no date bound again', 30000);

    // Agreement: Lu and Toner agree; conflict: both against Janjua.
    await frameSelect('#kind', 'agreement');
    await waitFor(() => panel.drawn?.seq === panel.lastSent?.seq && panel.drawn?.nodes === 2, 'agreement', 30000);
    const agreement = await shown(panel, 2, 1, 'agreement');
    // A click on the edge lists the statements of both.
    await frameClick('#graph', agreement.edges[0]!);
    await waitFor(async () => (await listed()).length === 2, 'the edge\'s claims');
    const [edgeTitle] = await frameDom('#side h3');
    assert.ok(/Donald Lu – Mark C\. Toner|Mark C\. Toner – Donald Lu/.test(edgeTitle!.text), edgeTitle!.text);
    await screenshot('network-agreement');
    await frameSelect('#kind', 'conflict');
    await waitFor(() => panel.drawn?.seq === panel.lastSent?.seq && panel.drawn?.nodes === 3, 'conflict', 30000);
    const conflict = await shown(panel, 3, 2, 'conflict');
    assert.deepEqual(await listed(), [], 'another network: the claims of the agreement edge are no longer listed');
    assert.ok(conflict.edges.every((e) => e.source.includes('janjua') || e.target.includes('janjua')), 'every conflict edge is with Janjua');
    await screenshot('network-conflict');
  });
  it('comes back after a window reload with the view state its page saved (the panel serializer)', async () => {
    const a = await api();
    const restore = async (state: unknown) => {
      a.networkFeature.current?.panel.dispose();
      await waitFor(() => !a.networkFeature.current, 'the panel closed');
      // What VS Code does on a reload: a panel of the view type, handed to the serializer with the state.
      const webview = vscode.window.createWebviewPanel('articleAnnotator.network', 'Actor Network', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
      await a.networkFeature.serializer.deserializeWebviewPanel(webview, state);
      const panel = await waitFor(() => a.networkFeature.current, 'the restored panel');
      assert.equal(panel.panel, webview);
      return panel;
    };
    // Actors × topics, agreeing statements only: as drawn by the controls in the test before.
    const panel = await restore({ kind: 'actor-topic', normalisation: 'none', scope: 'workspace', filter: { stances: ['agree'] } });
    await waitFor(() => panel.lastSent && panel.drawn?.seq === panel.lastSent.seq, 'the restored drawing', 30000);
    const drawn = await shown(panel, 3, 2, 'restored: actors × topics, agree');
    assert.ok(!drawn.nodes.some((n) => n.label === 'Tehmina Janjua'));
    assert.deepEqual(await frameEval<string[]>('#kind', '[document.getElementById("kind").value, document.getElementById("stance").value]'), ['actor-topic', 'agree']);
    await screenshot('network-restored');
    // A saved state the panel cannot use (an older or hand-made one): the default network.
    const fallback = await restore({ kind: 'no-such-network', filter: 7 });
    await waitFor(() => fallback.lastSent && fallback.drawn?.seq === fallback.lastSent.seq, 'the default drawing', 30000);
    assert.deepEqual(await frameEval<string[]>('#kind', '[document.getElementById("kind").value, document.getElementById("stance").value]'), ['talks-about', '']);
  });
});
