// The imports a registry's .proto schemas may use without a reference, as Confluent's serdes
// bundle them: the wrapper types, Timestamp, google.type Date/TimeOfDay, confluent's Decimal
// and field metadata. Only what the serdes read is declared.
export const BUILTIN_PROTOS: Readonly<Record<string, string>> = {
  'google/protobuf/wrappers.proto': `syntax = "proto3"; package google.protobuf;
    message DoubleValue { double value = 1; } message FloatValue { float value = 1; }
    message Int64Value { int64 value = 1; } message UInt64Value { uint64 value = 1; }
    message Int32Value { int32 value = 1; } message UInt32Value { uint32 value = 1; }
    message BoolValue { bool value = 1; } message StringValue { string value = 1; }
    message BytesValue { bytes value = 1; }`,
  'google/protobuf/timestamp.proto': `syntax = "proto3"; package google.protobuf;
    message Timestamp { int64 seconds = 1; int32 nanos = 2; }`,
  'google/type/date.proto': `syntax = "proto3"; package google.type;
    message Date { int32 year = 1; int32 month = 2; int32 day = 3; }`,
  'google/type/timeofday.proto': `syntax = "proto3"; package google.type;
    message TimeOfDay { int32 hours = 1; int32 minutes = 2; int32 seconds = 3; int32 nanos = 4; }`,
  'confluent/type/decimal.proto': `syntax = "proto3"; package confluent.type;
    message Decimal { bytes value = 1; uint32 precision = 2; int32 scale = 3; }`,
  'confluent/meta.proto': `syntax = "proto3"; package confluent;
    message Meta { string doc = 1; map<string, string> params = 2; }`,
  'google/protobuf/descriptor.proto': 'syntax = "proto2"; package google.protobuf;',
  'google/protobuf/empty.proto': 'syntax = "proto3"; package google.protobuf; message Empty {}',
  'google/protobuf/duration.proto': `syntax = "proto3"; package google.protobuf;
    message Duration { int64 seconds = 1; int32 nanos = 2; }`,
};
