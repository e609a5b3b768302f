import { ScalarType, type DescField, type DescMessage } from "@bufbuild/protobuf";
import { isWrapperDesc } from "@bufbuild/protobuf/wkt";

/**
 * How protoc-gen-es represents well-known types in fields, which the codecs
 * must follow to read and write the same values as toBinary / fromBinary
 * (the same rules as @bufbuild/protobuf's reflect and create):
 *
 * - a wrapper (google.protobuf.BoolValue, StringValue, ...) in a singular
 *   field that is not in a oneof is its value: `boolean | undefined`, ...;
 * - google.protobuf.Struct is a JsonObject wherever it is a field (singular,
 *   list, map value, oneof), except in google.protobuf.Value;
 * - every other position, and every other well-known type (Value, ListValue,
 *   Timestamp, Duration, Any, FieldMask, Empty), keeps the message.
 */

/** The scalar type of the value a field holds instead of its wrapper message, if it is one. */
export function unboxedWrapper(field: DescField): ScalarType | undefined {
  if (field.fieldKind !== "message" || field.oneof !== undefined || !isWrapperDesc(field.message)) return undefined;
  return field.message.fields[0]!.scalar ?? ScalarType.INT32;
}

export const structTypeName = "google.protobuf.Struct";

/** Whether a message-typed field (or list, map value, oneof member) holds a Struct as a JsonObject. */
export function isJsonStruct(field: DescField): boolean {
  return field.message?.typeName === structTypeName && field.parent.typeName !== "google.protobuf.Value";
}

/** Whether a message is one of protobuf's own well-known types. */
export function isWellKnown(message: DescMessage): boolean {
  return message.file.name.startsWith("google/protobuf/");
}
