// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "PartyBuildingKit",
  platforms: [.macOS(.v15), .iOS(.v18), .tvOS(.v18), .watchOS(.v11), .visionOS(.v2)],
  products: [
    .library(name: "PartyBuildingKit", targets: ["PartyBuildingKit"]),
    .executable(name: "pbk", targets: ["pbk"]),
  ],
  dependencies: [],
  targets: [
    .target(name: "PartyBuildingKit"),
    .target(name: "PBKCommandLine", dependencies: ["PartyBuildingKit"]),
    .executableTarget(name: "pbk", dependencies: ["PBKCommandLine"]),
    // A seeded generator for pbk-bench's populations and the property tests (not in a product).
    .target(name: "SeededRandom"),
    .executableTarget(name: "pbk-bench", dependencies: ["PBKCommandLine", "PartyBuildingKit", "SeededRandom"]),
    // Random formulas for the differential check against an exact reference (Scripts/arith-check.sh).
    .executableTarget(name: "pbk-arith-check", dependencies: ["PartyBuildingKit", "SeededRandom"]),
    .executableTarget(
      name: "dazhou-example", dependencies: ["PartyBuildingKit"], path: "Examples/dazhou-example"),
    .executableTarget(
      name: "shangyu-example", dependencies: ["PartyBuildingKit"], path: "Examples/shangyu-example"),
    .executableTarget(
      name: "zhungeer-example", dependencies: ["PartyBuildingKit"], path: "Examples/zhungeer-example"),
    .testTarget(
      name: "PartyBuildingKitTests", dependencies: ["PartyBuildingKit", "SeededRandom"], exclude: ["Fixtures"]),
    .testTarget(
      name: "PBKCommandLineTests", dependencies: ["PBKCommandLine", "PartyBuildingKit", "SeededRandom"],
      exclude: ["Fixtures", "Golden"]),
  ],
  swiftLanguageModes: [.v6]
)
