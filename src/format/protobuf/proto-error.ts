// The error a PROTOBUF schema that cannot be read gives, from either of its forms (.proto text or
// a serialized FileDescriptorProto); its own module so both readers can throw it.
export class ProtoParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtoParseError';
  }
}
