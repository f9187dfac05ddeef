/// SplitMix64 (Steele, Lea and Flood 2014): a tiny seeded generator, so that a synthetic population or a property
/// test that fails is the same again from the same seed. Not part of the `PartyBuildingKit` library product: it
/// serves `pbk-bench` and the tests.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  public var state: UInt64

  public init(seed: UInt64) { state = seed }
  public init(state: UInt64) { self.state = state }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A whole number in 0..<bound (0 when bound is 0).
  public mutating func next(below bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }

  /// A whole number in 0..<bound (0 when bound is 0).
  public mutating func below(_ bound: UInt64) -> UInt64 { bound == 0 ? 0 : next() % bound }
}
