/** The protocol versions the repository generates; tests that hold for every version loop over these. */
export interface ProtocolVersion {
  readonly version: "v2" | "v6";
  /** The buf module (and protoc include path) of its protos. */
  readonly protoDir: string;
  readonly manifest: string;
  /** buf.gen template that regenerates it. */
  readonly template: string;
  /** Committed output: TypeScript sources and the published JS + .d.ts. */
  readonly src: string;
  readonly dist: string;
  /** The package subpath a user imports. */
  readonly entry: string;
}

export const protocolVersions: readonly ProtocolVersion[] = (["v2", "v6"] as const).map((version) => ({
  version,
  protoDir: `proto/${version}`,
  manifest: `proto/${version}/netsvr.manifest.yaml`,
  template: version === "v2" ? "buf.gen.yaml" : `buf.gen.${version}.yaml`,
  src: `generated/src/${version}`,
  dist: `generated/dist/${version}`,
  entry: `netsvr-protocol/${version}`,
}));
