/**
 * A base for classes that register things (listeners, watchers, emitters, providers): each is
 * `_register`ed once and disposed with its owner, last registered first. No `vscode` import:
 * anything with a `dispose()` fits, `vscode.Disposable` included.
 */
export interface IDisposable {
  dispose(): unknown;
}

export class Disposable implements IDisposable {
  private readonly registered: IDisposable[] = [];
  private disposed = false;

  /** Keeps `d` to dispose with this object (at once if this object is disposed already); returns it. */
  protected _register<T extends IDisposable>(d: T): T {
    if (this.disposed) d.dispose();
    else this.registered.push(d);
    return d;
  }

  /** `_register` for each of `ds`. */
  protected _registerAll(...ds: IDisposable[]): void {
    for (const d of ds) this._register(d);
  }

  /** Whether `dispose` has run. */
  protected get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const errors: unknown[] = [];
    for (const d of this.registered.splice(0).reverse()) {
      try {
        d.dispose();
      } catch (e) {
        errors.push(e);
      }
    }
    if (errors.length) throw errors[0];
  }
}
