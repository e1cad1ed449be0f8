import * as assert from 'node:assert/strict';
import { Disposable, type IDisposable } from '../../src/util/disposable';

class Owner extends Disposable {
  add<T extends IDisposable>(d: T): T {
    return this._register(d);
  }
  addAll(...ds: IDisposable[]): void {
    this._registerAll(...ds);
  }
  get done(): boolean {
    return this.isDisposed;
  }
}

describe('Disposable base (_register)', () => {
  const log: string[] = [];
  const thing = (name: string, fail = false): IDisposable => ({
    dispose() {
      log.push(name);
      if (fail) throw new Error(`${name} failed`);
    },
  });
  beforeEach(() => (log.length = 0));

  const cases: { name: string; run: (o: Owner) => void; expect: string[]; throws?: RegExp }[] = [
    { name: 'disposes what it registered, last first', run: (o) => (o.add(thing('a')), o.addAll(thing('b'), thing('c')), o.dispose()), expect: ['c', 'b', 'a'] },
    { name: 'disposes once however often it is disposed', run: (o) => (o.add(thing('a')), o.dispose(), o.dispose()), expect: ['a'] },
    { name: 'disposes at once what is registered after it was disposed', run: (o) => (o.dispose(), o.add(thing('late'))), expect: ['late'] },
    { name: 'disposes the others when one throws, then throws', run: (o) => (o.add(thing('a')), o.add(thing('b', true)), o.add(thing('c')), o.dispose()), expect: ['c', 'b', 'a'], throws: /b failed/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const o = new Owner();
      if (c.throws) assert.throws(() => c.run(o), c.throws);
      else c.run(o);
      assert.deepEqual(log, c.expect);
      assert.equal(o.done, true);
    });
  }

  it('returns what it registered', () => {
    const o = new Owner();
    const t = thing('x');
    assert.equal(o.add(t), t);
  });
});
