/**
 * A mistake in what the plugin was given (options, manifest, protos). The
 * runner reports it through CodeGeneratorResponse.error, as protoc expects,
 * instead of crashing with a stack trace.
 */
export class UserError extends Error {
  override readonly name = "UserError";
}
