/**
 * Id-keyed tables that no id can break.
 *
 * Every id the kit keys state by comes from outside (instance ids, participant ids, endpoint
 * names, error codes) and may be any string — `toString`, `constructor`, `__proto__`,
 * `valueOf`, `hasOwnProperty`. A plain `{}` answers such a key with something from
 * `Object.prototype`, and assigning `__proto__` replaces its prototype. The tables of
 * {@link OnAirState} are therefore null-prototype records, built and read only through these
 * helpers: lookups are own-property lookups, and a record's keys are exactly the ids put in.
 *
 * @packageDocumentation
 */

const hasOwn = Object.prototype.hasOwnProperty;

/** `true` when `record` has `key` as its own property (never an inherited one). */
export function hasOwnKey(record: object | undefined, key: string): boolean {
  return record !== undefined && record !== null && hasOwn.call(record, key);
}

/**
 * The value at `key` when it is the record's own property, else `undefined` — safe for any key,
 * `__proto__` and `constructor` included.
 *
 * @example
 * ```ts
 * // inside the kit (a label table, a state table):
 * ownValue({ ready: 'Ready' }, 'ready'); // "Ready"
 * ownValue({ ready: 'Ready' }, 'constructor'); // undefined (not Object)
 * ```
 */
export function ownValue<V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return hasOwnKey(record, key) ? (record as Record<string, V>)[key] : undefined;
}

/** A fresh null-prototype record, optionally filled with the own entries of `from`. */
export function nullRecord<V>(from?: Readonly<Record<string, V>>): Record<string, V> {
  const out = Object.create(null) as Record<string, V>;
  if (from) {
    for (const key of Object.keys(from)) out[key] = (from as Record<string, V>)[key] as V;
  }
  return out;
}

/** A copy of `record` with `key` set to `value` (a null-prototype record; `record` is not changed). */
export function withEntry<V>(record: Readonly<Record<string, V>>, key: string, value: V): Record<string, V> {
  const next = nullRecord(record);
  next[key] = value;
  return next;
}

/** `record` without `key` (the same object when it has no such own key). */
export function withoutEntry<V>(record: Readonly<Record<string, V>>, key: string): Readonly<Record<string, V>> {
  if (!hasOwnKey(record, key)) return record;
  const next = nullRecord(record);
  delete next[key];
  return next;
}

/** Number of own keys. */
export function sizeOf(record: object): number {
  return Object.keys(record).length;
}

/** An empty, frozen null-prototype record. */
export function emptyRecord<V>(): Readonly<Record<string, V>> {
  return Object.freeze(Object.create(null) as Record<string, V>);
}
