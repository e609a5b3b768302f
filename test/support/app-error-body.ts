// The body of a binary application protocol error answer (command id 0), as
// plugin/runtime/app-wire.ts documents it: {1: uint32 cmd, 2: string code,
// 3: string message}. Described here as a proto3 message of its own and read
// by protobuf-es reflection, so tests check the hand-written wire code
// against an independent protobuf implementation.
import { create, createFileRegistry, fromBinary, toBinary, type DescMessage } from "@bufbuild/protobuf";
import { FieldDescriptorProto_Label, FieldDescriptorProto_Type, FileDescriptorProtoSchema } from "@bufbuild/protobuf/wkt";

const file = create(FileDescriptorProtoSchema, {
  name: "test/app_error_body.proto",
  package: "test.app",
  syntax: "proto3",
  messageType: [
    {
      name: "ErrorBody",
      field: [
        { name: "cmd", jsonName: "cmd", number: 1, type: FieldDescriptorProto_Type.UINT32, label: FieldDescriptorProto_Label.OPTIONAL },
        { name: "code", jsonName: "code", number: 2, type: FieldDescriptorProto_Type.STRING, label: FieldDescriptorProto_Label.OPTIONAL },
        { name: "message", jsonName: "message", number: 3, type: FieldDescriptorProto_Type.STRING, label: FieldDescriptorProto_Label.OPTIONAL },
      ],
    },
  ],
});

/** The error answer's body: message test.app.ErrorBody { uint32 cmd = 1; string code = 2; string message = 3; } */
export const ErrorBodySchema: DescMessage = createFileRegistry(file, () => undefined).getMessage("test.app.ErrorBody")!;

export interface ErrorBody {
  readonly cmd: number;
  readonly code: string;
  readonly message: string;
}

/** Decodes an error answer's body (the bytes after the 8-byte header) with protobuf-es. */
export function decodeErrorBody(body: Uint8Array): ErrorBody {
  const { cmd, code, message } = fromBinary(ErrorBodySchema, body) as unknown as ErrorBody;
  return { cmd, code, message };
}

/** Encodes an error answer's body with protobuf-es (fields at their defaults are left out, as protobuf does). */
export function encodeErrorBody(body: Partial<ErrorBody>): Uint8Array {
  return toBinary(ErrorBodySchema, create(ErrorBodySchema, body as never));
}
