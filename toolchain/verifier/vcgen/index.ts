// The VC generator's public surface. Importing it installs the methods of the concern modules on
// FnGen (their classes are mixins whose methods take the generator as `this`); import the
// generator through this module (or ../vcgen.ts), never through ./gen directly.

import { FnGen } from './gen';
import { QueryMethods } from './query';
import { SpecFnMethods } from './spec-fns';
import { ExecMethods } from './exec';
import { ExprMethods } from './expr';
import { CollectionMethods } from './collections';
import { ChooseMethods, QuantifierMethods } from './quantifiers';
import { CallMethods } from './calls';
import { BitVectorMethods } from './bitvector';
import { IntegerRingMethods } from './integer-ring';
import { BroadcastMethods } from './broadcast';
import { ClosureMethods } from './closures';
import { TypeInvariantMethods } from './type-invariants';
import { UnwindMaskMethods } from './unwind-mask';
import { ApiSafetyMethods } from './api-safety';

for (const mixin of [QueryMethods, SpecFnMethods, ExecMethods, ExprMethods, CollectionMethods, QuantifierMethods, ChooseMethods, CallMethods, BitVectorMethods, IntegerRingMethods, BroadcastMethods, ClosureMethods, TypeInvariantMethods, UnwindMaskMethods, ApiSafetyMethods]) {
  for (const name of Object.getOwnPropertyNames(mixin.prototype)) {
    if (name === 'constructor') continue;
    if (Object.prototype.hasOwnProperty.call(FnGen.prototype, name)) throw new Error(`FnGen.${name} is defined twice`);
    Object.defineProperty(FnGen.prototype, name, Object.getOwnPropertyDescriptor(mixin.prototype, name)!);
  }
}

export { FnGen };
export { Unsupported } from './state';
export { ALT_OPTIONS, VERUS_OPTIONS, hasQuantifier, hasVerusConfiguration, printQuery, usesUninterpretedArith, type Crossed, type FnVC, type Obligation, type PrintOptions, type Query, type ScopeVar } from './query';
export { CrateVC, computeSccs, type SpecDef } from './spec-fns';
