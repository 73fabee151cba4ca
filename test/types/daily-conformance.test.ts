import type { DailyCall } from '@daily-co/daily-js';
import { describe, expectTypeOf, it } from 'vitest';
import type { DailyCallLike } from '../../src/adapters/daily/index.js';
import type { SimulatedDailyCall } from '../../src/simulator/index.js';

/**
 * Compile-time conformance: the real Daily call object (daily-js 0.87 types) and the simulator's
 * call object fit the adapter's structural `DailyCallLike`. `tsc --noEmit -p tsconfig.json` fails
 * when either stops fitting.
 */
function realCallFits(call: DailyCall): DailyCallLike {
  const fits: DailyCallLike = call;
  return fits;
}

function simulatedCallFits(call: SimulatedDailyCall): DailyCallLike {
  const fits: DailyCallLike = call;
  return fits;
}

describe('DailyCallLike', () => {
  it('accepts the real DailyCall type', () => {
    expectTypeOf<DailyCall>().toExtend<DailyCallLike>();
    expectTypeOf(realCallFits).returns.toEqualTypeOf<DailyCallLike>();
  });

  it('accepts the simulator call object', () => {
    expectTypeOf<SimulatedDailyCall>().toExtend<DailyCallLike>();
    expectTypeOf(simulatedCallFits).parameter(0).toEqualTypeOf<SimulatedDailyCall>();
  });

  it('rejects an object without the commands', () => {
    expectTypeOf<{ on: DailyCallLike['on']; off: DailyCallLike['off'] }>().not.toExtend<DailyCallLike>();
  });
});
