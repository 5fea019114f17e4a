/**
 * The `node` test project has no DOM. The store persists to `localStorage`, so the store's tests
 * get a small in-memory Web Storage (a `Storage` class, so `vi.spyOn(Storage.prototype, …)`
 * works as in a browser). Nothing else from the browser is provided: a pure test that reaches for
 * `window` or `document` fails, and belongs in the `jsdom` project.
 */
class MemoryStorage implements Storage {
  #items = new Map<string, string>();
  get length(): number {
    return this.#items.size;
  }
  clear(): void {
    this.#items.clear();
  }
  getItem(key: string): string | null {
    return this.#items.get(String(key)) ?? null;
  }
  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.#items.delete(String(key));
  }
  setItem(key: string, value: string): void {
    this.#items.set(String(key), String(value));
  }
  [name: string]: unknown;
}

if (typeof globalThis.localStorage === 'undefined') {
  Object.assign(globalThis, { Storage: MemoryStorage, localStorage: new MemoryStorage() });
}
