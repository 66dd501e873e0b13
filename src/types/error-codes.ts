// Every error Eddy reports carries a stable code from this table. `fault` says who must act:
// the user (fix the statement or data), an external system (retry may help), or us (a bug).
// `http` is the REST status; ksqlDB's error_code is http * 100 + n.

export type Fault = 'user' | 'external' | 'internal';

export interface ErrorCodeInfo { fault: Fault; http: number; summary: string }

export const ERROR_CODES = {
  PARSE_ERROR: { fault: 'user', http: 400, summary: 'The statement is not valid SQL.' },
  UNKNOWN_SOURCE: { fault: 'user', http: 400, summary: 'A stream, table or model named in the statement does not exist.' },
  UNKNOWN_COLUMN: { fault: 'user', http: 400, summary: 'A column named in the statement does not exist in its source.' },
  UNKNOWN_FUNCTION: { fault: 'user', http: 400, summary: 'No function has this name.' },
  FUNCTION_ARGS: { fault: 'user', http: 400, summary: 'No overload of the function takes these argument types.' },
  TYPE_ERROR: { fault: 'user', http: 400, summary: 'An expression has the wrong type for where it is used.' },
  INVALID_STATEMENT: { fault: 'user', http: 400, summary: 'The statement is valid SQL but cannot be executed as written.' },
  SOURCE_EXISTS: { fault: 'user', http: 400, summary: 'A stream, table or model with this name already exists.' },
  INVALID_PROPERTY: { fault: 'user', http: 400, summary: 'A WITH property or SET property is unknown or has a bad value.' },
  UNKNOWN_QUERY: { fault: 'user', http: 400, summary: 'No running query has this id.' },
  UNKNOWN_TOPIC: { fault: 'user', http: 400, summary: 'The topic does not exist.' },
  UNSUPPORTED: { fault: 'user', http: 400, summary: 'The statement uses a feature Eddy does not support yet.' },
  SERDE_ERROR: { fault: 'user', http: 400, summary: 'A record could not be serialized or deserialized in its format.' },
  EVALUATION_ERROR: { fault: 'user', http: 400, summary: 'An expression failed on a row.' },
  IO_ERROR: { fault: 'external', http: 503, summary: 'A file, topic or broker could not be read or written.' },
  INTERNAL: { fault: 'internal', http: 500, summary: 'A bug in Eddy: please report it.' },
} as const satisfies Record<string, ErrorCodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;
