import * as assert from 'node:assert/strict';
import { addLexiconActor, addLexiconIgnore, parseLexicon } from '../../src/core/lexicon';

describe('lexicon', () => {
  const text = '# our lexicon\nactors:\n  - name: United States\n    type: place\n    aliases: [US, Washington]  # metonymy\n    color: "#1f77b4"\nignore:\n  - Viral Stories\n';

  it('parses actors, aliases, colours and ignored forms', () => {
    const r = parseLexicon(text);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.lexicon.actors[0], { name: 'United States', type: 'place', aliases: ['US', 'Washington'], color: '#1f77b4' });
    assert.deepEqual(r.lexicon.ignore, ['Viral Stories']);
  });

  it('reports every problem with its line and falls back to an empty lexicon', () => {
    const r = parseLexicon('actors:\n  - name: X\n    type: alien\n  - type: person\n    color: red\nfoo: 1\n');
    assert.equal(r.lexicon.actors.length, 0);
    const lines = r.problems.map((p) => p.line);
    assert.ok(r.problems.some((p) => /type/.test(p.message) && p.line === 3), JSON.stringify(r.problems));
    assert.ok(r.problems.some((p) => /name/.test(p.message)));
    assert.ok(r.problems.some((p) => /color/.test(p.message) && p.line === 5));
    assert.ok(r.problems.some((p) => /Unknown key "foo"/.test(p.message) && p.line === 6), JSON.stringify(lines));
    assert.ok(parseLexicon('actors: [unclosed\n').problems[0]!.message.startsWith('Not valid YAML'));
  });

  it('adds actors, aliases and ignored forms keeping comments', () => {
    let out = addLexiconActor(text, { name: 'Islamabad', type: 'place', aliasOf: 'Pakistan' });
    out = addLexiconActor(out, { name: 'DC', type: 'place', aliasOf: 'United States' });
    out = addLexiconActor(out, { name: 'Acme Corp', type: 'organization' });
    out = addLexiconIgnore(out, 'Breaking News');
    const r = parseLexicon(out);
    assert.deepEqual(r.problems, []);
    assert.ok(out.includes('# our lexicon') && out.includes('# metonymy'));
    assert.deepEqual(r.lexicon.actors.find((a) => a.name === 'United States')!.aliases, ['US', 'Washington', 'DC']);
    assert.deepEqual(r.lexicon.actors.find((a) => a.name === 'Pakistan')!.aliases, ['Islamabad']);
    assert.equal(r.lexicon.actors.find((a) => a.name === 'Acme Corp')!.type, 'organization');
    assert.deepEqual(r.lexicon.ignore, ['Viral Stories', 'Breaking News']);
    assert.deepEqual(parseLexicon(addLexiconIgnore('', 'X')).lexicon.ignore, ['X'], 'creates a new file');
    const commented = addLexiconActor('# only a comment\n', { name: 'Y', type: 'person' });
    assert.ok(commented.includes('# only a comment'));
    assert.equal(parseLexicon(commented).lexicon.actors[0]!.name, 'Y');
  });

  it('refuses to edit a broken lexicon', () => {
    assert.throws(() => addLexiconIgnore('actors: [x\n', 'Y'), /problems|parse/);
  });
});
