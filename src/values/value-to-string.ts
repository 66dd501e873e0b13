// CAST(... AS STRING): the text ksqlDB produces for each type. Top-level temporal values use
// the ISO forms of SqlTimeTypes; values inside arrays, maps and structs print as their Java
// objects do (List/Map/Struct.toString), which is what ksqlDB's String.valueOf gives.
import { type SqlType, unresolvedType } from '../types/sql-type.js';
import type { Decimal } from '../types/decimal.js';
import { javaDoubleToString } from './java-double.js';
import { javaBigDecimalToString } from './decimal-math.js';
import { formatDate, formatTime, formatTimestamp, javaSqlTimeString, javaSqlTimestampString } from './sql-time.js';
import { formatIsoDate } from './civil-time.js';

/** The string CAST(v AS STRING) gives for a value of type `type` (null stays null). */
export function valueToString(v: unknown, type: SqlType): string | null {
  if (v == null) return null;
  switch (type.kind) {
    case 'DECIMAL': return (v as Decimal).toString(); // toPlainString
    case 'DATE': return formatDate(v as number);
    case 'TIME': return formatTime(v as number);
    case 'TIMESTAMP': return formatTimestamp(v as number);
    default: return javaToString(v, type);
  }
}

/** Java's `String.valueOf(object)` for a value held as `type`. */
export function javaToString(v: unknown, type: SqlType): string {
  if (v == null) return 'null';
  switch (type.kind) {
    case 'BOOLEAN': case 'INTEGER': case 'BIGINT': return String(v);
    case 'DOUBLE': return javaDoubleToString(v as number);
    case 'DECIMAL': return javaBigDecimalToString(v as Decimal);
    case 'STRING': return v as string;
    case 'BYTES': {
      const n = (v as Uint8Array).length;
      return `java.nio.HeapByteBuffer[pos=0 lim=${n} cap=${n}]`;
    }
    case 'DATE': return formatIsoDate(v as number);
    case 'TIME': return javaSqlTimeString(v as number);
    case 'TIMESTAMP': return javaSqlTimestampString(v as number);
    case 'ARRAY': {
      const item = type.item;
      return `[${(v as unknown[]).map((x) => javaToString(x, item)).join(', ')}]`;
    }
    case 'MAP': {
      const parts: string[] = [];
      for (const [k, x] of v as Map<unknown, unknown>) parts.push(`${javaToString(k, type.key)}=${javaToString(x, type.value)}`);
      return `{${parts.join(', ')}}`;
    }
    case 'STRUCT': {
      // Connect's Struct.toString lists only the fields that are set.
      const o = v as Record<string, unknown>;
      const parts: string[] = [];
      for (const f of type.fields) if (o[f.name] != null) parts.push(`${f.name}=${javaToString(o[f.name], f.type)}`);
      return `Struct{${parts.join(',')}}`;
    }
    case 'NULL': return 'null';
    case 'CUSTOM': return unresolvedType(type);
  }
}
