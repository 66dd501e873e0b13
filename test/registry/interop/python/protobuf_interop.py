"""Confluent's Python client (confluent-kafka) with its ProtobufSerializer / ProtobufDeserializer
and the schema registry, as a user outside this project would run it, minus protoc: the message
classes are built at run time instead of generated.

  produce: --schema describes the messages in JSON (no .proto compiler here):
             {"package": "interop", "messages": [
               {"name": "Reading", "fields": [
                 {"name": "i", "type": "int32"}, {"name": "arr", "type": "int64", "repeated": true},
                 {"name": "m", "map": ["string", "double"]}, {"name": "nested", "type": "Inner"},
                 {"name": "ts", "type": "google.protobuf.Timestamp"},
                 {"name": "price", "type": "confluent.type.Decimal", "precision": 10, "scale": 2},
                 {"oneof": "choice", "fields": [{"name": "card", "type": "string"}, ...]}]},
               {"name": "Inner", "fields": [...]}]}
           The first message is the one written; fields are numbered 1, 2, ... in order (a oneof's
           members where it stands); precision/scale become confluent.field_meta params. Values are
           JSON, a oneof's member by its own name: a Timestamp as epoch millis, a
           confluent.type.Decimal as its text. The serializer
           registers the schema under <topic>-value (as it does: a base64 FileDescriptorProto, which
           Confluent's registry turns into .proto text and Apicurio keeps as it is).
  consume: reads --count records of --topic with ProtobufDeserializer. A user would pass a
           generated class; here the class is built from the writer's schema, fetched from the
           registry by the id and message indexes in each record (as the deserializer itself
           fetches it), so nothing of the writer's is known beforehand. Prints them as
           interop_common.py says; every field is printed (proto3 does not tell unset from zero),
           a message field that is not set as null.
"""

import base64
import binascii
import datetime
import decimal
import json
import os
import tempfile

from google.protobuf import descriptor_pb2, descriptor_pool, timestamp_pb2
from google.protobuf.message import DecodeError
from google.protobuf.message_factory import GetMessageClass

from confluent_kafka.schema_registry.confluent import meta_pb2
from confluent_kafka.schema_registry.confluent.type import decimal_pb2
from confluent_kafka.schema_registry.protobuf import ProtobufDeserializer, ProtobufSerializer
# The client's own helpers for building a descriptor pool from a registered schema (what its
# deserializer does with the writer's schema); private, but pinned with the client's version.
from confluent_kafka.schema_registry.common.protobuf import (_init_pool, _is_repeated, _str_to_proto, decimal_to_protobuf,
                                                             protobuf_to_decimal)
from confluent_kafka.schema_registry._sync.protobuf import _resolve_named_schema

from interop_common import consume, fail, parse_args, produce, registry_client, value_context

F = descriptor_pb2.FieldDescriptorProto
SCALARS = {
    'double': F.TYPE_DOUBLE, 'float': F.TYPE_FLOAT, 'int32': F.TYPE_INT32, 'int64': F.TYPE_INT64,
    'uint32': F.TYPE_UINT32, 'uint64': F.TYPE_UINT64, 'sint32': F.TYPE_SINT32, 'sint64': F.TYPE_SINT64,
    'bool': F.TYPE_BOOL, 'string': F.TYPE_STRING, 'bytes': F.TYPE_BYTES,
}
WELL_KNOWN = {'google.protobuf.Timestamp': 'google/protobuf/timestamp.proto',
              'confluent.type.Decimal': 'confluent/type/decimal.proto'}
TIMESTAMP = 'google.protobuf.Timestamp'
DECIMAL = 'confluent.type.Decimal'


# ---- produce: a message class from the JSON description, values from JSON ----------------------

def set_type(field, type_name, package, deps):
    if type_name in SCALARS:
        field.type = SCALARS[type_name]
        return
    field.type = F.TYPE_MESSAGE
    if type_name in WELL_KNOWN:
        deps.add(WELL_KNOWN[type_name])
        field.type_name = f'.{type_name}'
    else:
        field.type_name = f'.{package}.{type_name}' if package else f'.{type_name}'


def numbered(fields):
    """(number, field, oneof index or None) in order: fields numbered 1, 2, ..., a oneof's members
    in turn where the oneof stands."""
    number, oneofs = 0, 0
    for f in fields:
        if 'oneof' in f:
            for member in f['fields']:
                number += 1
                yield number, member, oneofs
            oneofs += 1
        else:
            number += 1
            yield number, f, None


def message_proto(spec, package, deps):
    msg = descriptor_pb2.DescriptorProto(name=spec['name'])
    for f in spec['fields']:
        if 'oneof' in f:
            msg.oneof_decl.add(name=f['oneof'])
    for number, f, oneof in numbered(spec['fields']):
        field = msg.field.add(name=f['name'], number=number, label=F.LABEL_OPTIONAL)
        if oneof is not None:
            field.oneof_index = oneof
        if 'precision' in f or 'scale' in f:
            # confluent.field_meta params, as a Decimal's precision and scale are written down
            meta = field.options.Extensions[meta_pb2.field_meta]
            for k in ('precision', 'scale'):
                if k in f:
                    meta.params[k] = str(f[k])
            deps.add('confluent/meta.proto')
        if 'map' in f:
            # A map is a repeated nested <Name>Entry message {key = 1; value = 2} marked map_entry.
            entry = msg.nested_type.add(name=''.join(p.capitalize() for p in f['name'].split('_')) + 'Entry')
            entry.options.map_entry = True
            for n, (name, t) in enumerate(zip(('key', 'value'), f['map']), start=1):
                set_type(entry.field.add(name=name, number=n, label=F.LABEL_OPTIONAL), t, package, deps)
            field.label = F.LABEL_REPEATED
            field.type = F.TYPE_MESSAGE
            field.type_name = f'.{package}.{spec["name"]}.{entry.name}' if package else f'.{spec["name"]}.{entry.name}'
        else:
            set_type(field, f['type'], package, deps)
            if f.get('repeated'):
                field.label = F.LABEL_REPEATED
    return msg


def message_class(spec):
    """The class of the first message of the description, in the default pool (where the
    serializer looks for well-known dependencies)."""
    package = spec.get('package', '')
    deps = set()
    fdp = descriptor_pb2.FileDescriptorProto(name=spec.get('file', 'interop.proto'), package=package, syntax='proto3')
    for m in spec['messages']:
        fdp.message_type.add().CopyFrom(message_proto(m, package, deps))
    fdp.dependency.extend(sorted(deps))
    _ = (timestamp_pb2, decimal_pb2, meta_pb2)  # imported so that the default pool has them
    pool = descriptor_pool.Default()
    pool.Add(fdp)
    first = spec['messages'][0]['name']
    return GetMessageClass(pool.FindMessageTypeByName(f'{package}.{first}' if package else first))


def fill(msg, value):
    """Sets the fields of `msg` from a JSON object."""
    for fd in msg.DESCRIPTOR.fields:
        if fd.name not in value or value[fd.name] is None:
            continue
        v = value[fd.name]
        if fd.message_type is not None and fd.message_type.GetOptions().map_entry:
            target = getattr(msg, fd.name)
            value_fd = fd.message_type.fields_by_name['value']
            for k, x in v.items():
                if value_fd.message_type is None:
                    target[k] = x
                else:
                    set_message(target[k], x)
        elif _is_repeated(fd):
            target = getattr(msg, fd.name)
            for x in v:
                if fd.message_type is None:
                    target.append(x)
                else:
                    set_message(target.add(), x)
        elif fd.message_type is not None:
            set_message(getattr(msg, fd.name), v)
        else:
            setattr(msg, fd.name, base64.b64decode(v) if fd.type == fd.TYPE_BYTES else v)
    return msg


def set_message(target, v):
    name = target.DESCRIPTOR.full_name
    if name == TIMESTAMP:
        target.FromMilliseconds(v)
    elif name == DECIMAL:
        d = decimal.Decimal(str(v))
        target.CopyFrom(decimal_to_protobuf(d, -d.as_tuple().exponent))
    else:
        fill(target, v)


# ---- consume: the writer's class from the registry, values to Python --------------------------

def message_indexes(raw):
    """The message indexes after Confluent's 5-byte header: zigzag varints, a count first; [0]
    is written as the single byte 0."""
    pos = 5

    def varint():
        nonlocal pos
        shift = result = 0
        while True:
            b = raw[pos]
            pos += 1
            result |= (b & 0x7f) << shift
            if not b & 0x80:
                return (result >> 1) ^ -(result & 1)
            shift += 7

    count = varint()
    return [0] if count == 0 else [varint() for _ in range(count)]


class WriterClasses:
    """Deserializers by (schema id, message indexes), each with the class the writer's schema names."""

    def __init__(self, registry, ctx):
        self.registry, self.ctx, self.by_key = registry, ctx, {}

    def deserialize(self, raw):
        schema_id = int.from_bytes(raw[1:5], 'big')
        indexes = message_indexes(raw)
        key = (schema_id, tuple(indexes))
        if key not in self.by_key:
            # The deserializer decodes with the class it is given (no registry: it only reads the
            # framing), as with a generated class; the class comes from the writer's schema.
            schema = self.registry.get_schema(schema_id, fmt='serialized')
            pool = descriptor_pool.DescriptorPool()
            _init_pool(pool)
            fdp = serialized_schema(schema.schema_str, schema_id)
            if fdp is None:
                fdp = compiled_schema(self.registry, schema, pool)
            else:
                _resolve_named_schema(schema, self.registry, pool)
            pool.Add(fdp)
            desc = pool.FindMessageTypeByName(message_name(fdp, indexes))
            self.by_key[key] = ProtobufDeserializer(GetMessageClass(desc), {'use.deprecated.format': False})
        return to_python(self.by_key[key](raw, self.ctx))


def serialized_schema(text, schema_id):
    """The FileDescriptorProto when the registry answered ?format=serialized with one (base64, as
    Confluent's registry does); None when it gave .proto text (Apicurio ignores the format)."""
    try:
        return _str_to_proto(f'writer-{schema_id}.proto', text)
    except (binascii.Error, ValueError, DecodeError, Exception):  # noqa: BLE001 (any: then it is text)
        return None


def compiled_schema(registry, schema, pool):
    """.proto text compiled with protoc (grpc_tools), as a user generating classes would; its
    references (other subjects) written beside it, well-known and Confluent types given to
    protoc as descriptors."""
    from grpc_tools import protoc  # noqa: PLC0415 (only this path needs it)
    with tempfile.TemporaryDirectory() as tmp:
        write_references(registry, schema, tmp, set())
        with open(os.path.join(tmp, 'writer.proto'), 'w', encoding='utf-8') as f:
            f.write(schema.schema_str)
        builtins = descriptor_pb2.FileDescriptorSet()
        for dep in (descriptor_pb2, timestamp_pb2, decimal_pb2, meta_pb2):  # dependencies first
            dep.DESCRIPTOR.CopyToProto(builtins.file.add())
        with open(os.path.join(tmp, 'builtins.pb'), 'wb') as f:
            f.write(builtins.SerializeToString())
        out = os.path.join(tmp, 'out.pb')
        include = os.path.join(os.path.dirname(protoc.__file__), '_proto')
        code = protoc.main(['protoc', f'-I{tmp}', f'-I{include}', f'--descriptor_set_in={os.path.join(tmp, "builtins.pb")}',
                            f'--descriptor_set_out={out}', '--include_imports', 'writer.proto'])
        if code != 0:
            fail(f'protoc could not compile the registry\'s schema:\n{schema.schema_str}')
        fds = descriptor_pb2.FileDescriptorSet()
        with open(out, 'rb') as f:
            fds.ParseFromString(f.read())
    known = {f.name for f in builtins.file}
    for f in fds.file[:-1]:  # imports first (protoc orders them so); the writer's file last
        if f.name not in known:
            try:
                pool.Add(f)
            except TypeError:
                pass  # already in the pool (_init_pool adds the well-known files)
    return fds.file[-1]


def write_references(registry, schema, tmp, seen):
    for ref in schema.references or []:
        if ref.name in seen:
            continue
        seen.add(ref.name)
        referenced = registry.get_version(ref.subject, ref.version).schema
        write_references(registry, referenced, tmp, seen)
        path = os.path.join(tmp, ref.name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(referenced.schema_str)


def message_name(fdp, indexes):
    msg = fdp.message_type[indexes[0]]
    name = msg.name
    for i in indexes[1:]:
        msg = msg.nested_type[i]
        name = f'{name}.{msg.name}'
    return f'{fdp.package}.{name}' if fdp.package else name


def to_python(msg):
    """A message as Python values: Timestamp as datetime, confluent.type.Decimal as Decimal,
    other messages as dicts, maps as dicts, repeated as lists, enums by name."""
    name = msg.DESCRIPTOR.full_name
    if name == TIMESTAMP:
        return msg.ToDatetime(tzinfo=datetime.timezone.utc)
    if name == DECIMAL:
        return protobuf_to_decimal(msg)
    out = {}
    for fd in msg.DESCRIPTOR.fields:
        v = getattr(msg, fd.name)
        if fd.message_type is not None and fd.message_type.GetOptions().map_entry:
            value_fd = fd.message_type.fields_by_name['value']
            out[fd.name] = {k: (to_python(x) if value_fd.message_type else x) for k, x in v.items()}
        elif _is_repeated(fd):
            out[fd.name] = [field_value(fd, x) for x in v]
        elif fd.message_type is not None:
            out[fd.name] = to_python(v) if msg.HasField(fd.name) else None
        else:
            out[fd.name] = field_value(fd, v)
    return out


def field_value(fd, v):
    if fd.message_type is not None:
        return to_python(v)
    if fd.enum_type is not None:
        return fd.enum_type.values_by_number[v].name
    return v


def main():
    args = parse_args('Protobuf records through the schema registry with confluent-kafka')
    registry = registry_client(args.registry)
    ctx = value_context(args.topic)
    if args.mode == 'produce':
        try:
            spec = json.loads(args.schema)
            records = json.loads(args.records)
        except json.JSONDecodeError as e:
            fail(f'--schema and --records must be JSON: {e}')
        cls = message_class(spec)
        serializer = ProtobufSerializer(cls, registry, {'use.deprecated.format': False})
        payloads = [serializer(fill(cls(), r), ctx) for r in records]
        produce(args.brokers, args.topic, payloads, args.timeout)
    else:
        consume(args.brokers, args.topic, args.count, args.timeout, WriterClasses(registry, ctx).deserialize)


if __name__ == '__main__':
    main()
