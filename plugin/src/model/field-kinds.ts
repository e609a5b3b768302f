import { ScalarType, type DescField } from "@bufbuild/protobuf";

/** Scalar types that hold numbers (bigint for the 64-bit ones). */
export const numberScalars: ReadonlySet<ScalarType> = new Set([
  ScalarType.INT32, ScalarType.INT64, ScalarType.UINT32, ScalarType.UINT64, ScalarType.SINT32, ScalarType.SINT64,
  ScalarType.FIXED32, ScalarType.FIXED64, ScalarType.SFIXED32, ScalarType.SFIXED64, ScalarType.FLOAT, ScalarType.DOUBLE,
]);

/** A singular number field. */
export function isNumber(field: DescField): boolean {
  return field.fieldKind === "scalar" && numberScalars.has(field.scalar);
}
