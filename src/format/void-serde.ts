// Schemas with no columns (the NONE format, keyless sources in any key format), as ksqlDB's
// KsqlVoidSerde: whatever bytes arrive are ignored, and nothing is ever written.
import type { RowSerde } from './serde.js';

export const VOID_SERDE: RowSerde = {
  serialize: () => null,
  // Null bytes stay a null row; any other bytes are the empty row.
  deserialize: (bytes) => (bytes === null ? null : []),
};
