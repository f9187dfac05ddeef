// swift-tools-version: 6.0
// A platform back end (智慧党建) that depends on PartyBuildingKit from outside, by path, as a host would: it uses
// only the library's public API. Build and run: swift run --package-path Examples/platform-example
import PackageDescription

let package = Package(
  name: "PlatformExample",
  platforms: [.macOS(.v15)],
  dependencies: [.package(name: "PartyBuildingKit", path: "../..")],
  targets: [
    .executableTarget(
      name: "PlatformExample",
      dependencies: [.product(name: "PartyBuildingKit", package: "PartyBuildingKit")])
  ],
  swiftLanguageModes: [.v6]
)
