// Parsed by moduleState.test.ts as an example of what src/hooks and src/components may not hold.
const inflight = new WeakMap<object, Promise<void>>();
let counter = 0;
const frozen = Object.freeze([]);
export function probe(): unknown[] {
  counter += 1;
  return [inflight, counter, frozen];
}
