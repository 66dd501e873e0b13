// LPAD and RPAD: the same STRING and BYTES overloads, padding at the start or at the end. The
// target length is bounded by eddy.functions.max.generated.size (a row's work stays bounded).
import type { FunctionExample, ScalarFunction } from '../types.js';
import { checkGeneratedSize } from '../shared/generated-size.js';

export interface PadSpec {
  name: string;
  /** Where the padding goes, for the description. */
  from: 'beginning' | 'end';
  padString: (input: string, targetLen: number, padding: string) => string | null;
  padBytes: (input: Uint8Array, targetLen: number, padding: Uint8Array) => Uint8Array | null;
  examples: FunctionExample[];
}

export function padFunction(spec: PadSpec): ScalarFunction {
  return {
    kind: 'scalar',
    name: spec.name,
    category: 'STRING',
    description: `Pads the input string or bytes, starting from the ${spec.from}, with the specified padding string until the target length is reached. If the input string or bytes are longer than the specified target length it will be truncated. If the padding string or bytes are empty or NULL, or the target length is negative, then NULL is returned.`,
    overloads: [
      {
        params: [{ name: 'input', type: { kind: 'STRING' } }, { name: 'targetLen', type: { kind: 'INTEGER' } }, { name: 'padding', type: { kind: 'STRING' } }],
        returns: { kind: 'STRING' },
        impl: (input: string, targetLen: number, padding: string) => {
          if (targetLen > input.length && padding.length > 0) checkGeneratedSize(spec.name, targetLen, 'characters');
          return spec.padString(input, targetLen, padding);
        },
      },
      {
        params: [{ name: 'input', type: { kind: 'BYTES' } }, { name: 'targetLen', type: { kind: 'INTEGER' } }, { name: 'padding', type: { kind: 'BYTES' } }],
        returns: { kind: 'BYTES' },
        impl: (input: Uint8Array, targetLen: number, padding: Uint8Array) => {
          if (targetLen > input.length && padding.length > 0) checkGeneratedSize(spec.name, targetLen, 'bytes');
          return spec.padBytes(input, targetLen, padding);
        },
      },
    ],
    examples: spec.examples,
  };
}
