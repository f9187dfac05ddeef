import Foundation
import Testing

@testable import PartyBuildingKit

/// Every result and input type encodes and decodes with the standard coders; a decimal keeps its places.
@Suite struct CodableTests {
  @Test(arguments: Paths.shippedPacks)
  func everyShippedPacksResultsRoundTrip(_ path: String) throws {
    let pack = try RulePack.load(path: Paths.repository + "/" + path, functions: ExampleHost.functions)
    let inputs = pack.tests.flatMap { testCase in
      testCase.members.isEmpty
        ? [testCase.input]
        : testCase.members.map(\.input)
    }
    let results =
      pack.hasCohort
      ? pack.assessCohort(inputs, explain: true).results.compactMap { try? $0.get() }
      : inputs.compactMap { try? pack.assess($0, explain: true) }
    #expect(!results.isEmpty)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    for assessment in results {
      let data = try encoder.encode(assessment)
      let decoded = try JSONDecoder().decode(Assessment.self, from: data)
      #expect(decoded == assessment, "\(path): \(assessment.subject.id)")
      // The same bytes every time.
      #expect(try encoder.encode(decoded) == data)
    }
    for input in inputs {
      let decoded = try JSONDecoder().decode(AssessmentInput.self, from: try encoder.encode(input))
      #expect(decoded == input)
    }
  }

  @Test func aDecimalKeepsItsPlaces() throws {
    let value = try #require(ExactDecimal(exactText: "96.00"))
    #expect(value.scale == 2 && value.exactText == "96.00")
    let data = try JSONEncoder().encode([value])
    #expect(String(decoding: data, as: UTF8.self) == #"["96.00"]"#)
    let decoded = try JSONDecoder().decode([ExactDecimal].self, from: data)
    #expect(decoded[0].scale == 2 && decoded[0] == 96)
    #expect(try JSONDecoder().decode([ExactDecimal].self, from: Data("[85]".utf8)) == [85])
    // A fraction as a JSON number would pass through Double: refused.
    #expect(throws: DecodingError.self) { try JSONDecoder().decode([ExactDecimal].self, from: Data("[0.1]".utf8)) }
  }

  @Test func conversionsWithFoundationDecimalAndIntegers() throws {
    let value = try #require(ExactDecimal(exactText: "25.65"))
    #expect(value.decimalValue == Decimal(string: "25.65"))
    #expect(ExactDecimal(Decimal(string: "25.65")!) == value)
    #expect(ExactDecimal(Decimal(string: "0.1234567890123456789")!) == nil, "19 places cannot be held")
    #expect(ExactDecimal(Int64(42)).int64Value == 42)
    #expect(value.formatted(places: 3) == "25.650")
  }

  @Test func exactJSONWritesDigitsInOrder() throws {
    struct Row: Encodable {
      var id = "DZ001"
      var total = ExactDecimal(exactText: "96.00")!
      var parts = [ExactDecimal(exactText: "0.3")!, 85]
    }
    #expect(try ExactJSONEncoder().encode(Row()) == #"{"id":"DZ001","total":96.00,"parts":[0.3,85]}"#)
  }

  @Test func exactJSONIndentedPutsEachMemberOnItsLine() throws {
    struct Inner: Encodable {
      var empty: [Int] = []
      var none: [String: Int] = [:]
    }
    struct Row: Encodable {
      var id = "DZ001"
      var total = ExactDecimal(exactText: "96.00")!
      var parts = [ExactDecimal(exactText: "0.3")!, 85]
      var inner = Inner()
    }
    let expected = """
      {
        "id": "DZ001",
        "total": 96.00,
        "parts": [
          0.3,
          85
        ],
        "inner": {
          "empty": [],
          "none": {}
        }
      }
      """
    #expect(try ExactJSONEncoder(indentation: 2).encode(Row()) == expected)
  }
}
