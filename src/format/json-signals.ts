// Thrown by JSON readers on the fast (JSON.parse) path when a number's exact text matters and a
// JS number has lost it (a number read as STRING, or beyond 2^53): the serde re-reads the payload
// with the exact parser. A symbol, so throwing it costs no stack capture.
export const NEED_EXACT: unique symbol = Symbol('need-exact-json');
