import PartyBuildingKit

/// The report's charts, drawn as inline SVG by the report itself: bars for counts (grades, stars) and a histogram of
/// totals with the grade bands marked.
///
/// Geometry is integer arithmetic only: scores are scaled to whole units (10^−places of a point) and mapped to whole
/// pixels of the SVG's own coordinate system (`viewBox`); the browser scales the picture to the page. Every label
/// is escaped text; each bar carries a `<title>` with its exact count, for a pointer hovering over it.
enum ReportCharts {
  /// One bar of a bar chart.
  struct Bar {
    var label: String
    var count: Int
    var colour: String
  }

  /// Horizontal bars, one per category in the order given, each labelled with its count and share of `total`; each
  /// bar carries `data-bar` (its label) and `data-count` for a script that checks the page.
  static func bars(_ bars: [Bar], total: Int, caption: String) -> String {
    let rowHeight = 30
    let labelWidth = 150
    let barSpace = 260
    let width = labelWidth + barSpace + 120
    let height = bars.count * rowHeight + 8
    let largest = max(1, bars.map(\.count).max() ?? 0)
    var svg =
      "<svg class=\"bars\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(HTMLText.escape(caption))\">"
    for (index, bar) in bars.enumerated() {
      let top = 4 + index * rowHeight
      let length = bar.count == 0 ? 0 : max(2, bar.count * barSpace / largest)
      let middle = top + rowHeight / 2
      svg +=
        "<text x=\"\(labelWidth - 10)\" y=\"\(middle + 5)\" text-anchor=\"end\">\(HTMLText.escape(bar.label))</text>"
      svg +=
        "<rect x=\"\(labelWidth)\" y=\"\(top + 4)\" width=\"\(length)\" height=\"\(rowHeight - 8)\" rx=\"2\" fill=\"\(bar.colour)\" \(htmlAttribute("data-bar", bar.label)) data-count=\"\(bar.count)\">"
      svg += "<title>\(HTMLText.escape(bar.label))：\(grouped(bar.count))</title></rect>"
      svg +=
        "<text x=\"\(labelWidth + length + 8)\" y=\"\(middle + 5)\" class=\"v\">\(grouped(bar.count))（\(percent(bar.count, of: total))）</text>"
    }
    svg += "</svg>"
    return svg
  }

  /// A count with thousands separated by commas, as statistics are printed: 100000 → "100,000".
  static func grouped(_ count: Int) -> String {
    let digits = String(count.magnitude)
    var text = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { text += "," }
      text.append(digit)
    }
    return (count < 0 ? "-" : "") + text
  }

  /// `part / whole` as a percentage with one decimal place, rounded half up (integers only): "12.5%".
  static func percent(_ part: Int, of whole: Int) -> String {
    guard whole > 0 else { return "0%" }
    let tenths = (part * 2000 + whole) / (2 * whole)
    return "\(tenths / 10).\(tenths % 10)%"
  }

  /// A band boundary to mark on the histogram: the lowest total of `grade`.
  struct Boundary {
    var grade: String
    var minimum: ExactDecimal
    var colour: String
  }

  /// How the histogram groups totals, worked out from the data and the bands: the axis from `low` to `high` in
  /// whole units of 10^−scale points, cut into bins of `width` units.
  struct Bins: Equatable {
    var scale: Int
    var low: Int
    var high: Int
    var width: Int
    var count: Int

    /// The bin a value (in units) falls in: bins hold their lower end and not their upper end; the last bin holds
    /// both, so a total equal to the axis' end is counted.
    func index(of value: Int) -> Int { min(count - 1, max(0, (value - low) / width)) }
  }

  /// Bins for totals: the axis runs from the lower of the lowest total and the lowest band boundary above 0 (so
  /// every band with data shows), to the higher of the highest total and full marks; the bin width is the smallest
  /// of 1, 2, 5 × 10^k units giving at most `most` bins, preferring one that divides every boundary on the axis so
  /// no bin straddles two grades.
  static func bins(totals: [Int], boundaries: [Int], fullMarks: Int, scale: Int, most: Int = 50) -> Bins {
    let lowestTotal = totals.min() ?? 0
    let highestTotal = totals.max() ?? fullMarks
    var low = lowestTotal
    if let boundary = boundaries.filter({ $0 > 0 }).min() { low = min(low, boundary) }
    let high = max(highestTotal, fullMarks, low + 1)
    var candidates: [Int] = []
    var power = 1
    while candidates.count < 60 {
      candidates += [power, 2 * power, 5 * power]
      let (next, overflow) = power.multipliedReportingOverflow(by: 10)
      if overflow { break }
      power = next
    }
    func layout(_ width: Int) -> Bins {
      let start = floorDivide(low, width) * width
      let end = ceilDivide(high, width) * width
      return Bins(scale: scale, low: start, high: end, width: width, count: max(1, (end - start) / width))
    }
    let fitting = candidates.filter { layout($0).count <= most }
    let inside = boundaries.filter { $0 > low && $0 < high }
    let width =
      fitting.first { width in inside.allSatisfy { $0 % width == 0 } } ?? fitting.first ?? candidates.last!
    return layout(width)
  }

  static func floorDivide(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
  static func ceilDivide(_ a: Int, _ b: Int) -> Int { -floorDivide(-a, b) }

  /// `value` in whole units of 10^−scale (exact when the value has at most `scale` places; otherwise rounded down).
  static func units(_ value: ExactDecimal, scale: Int) -> Int {
    let rounded = value.rounded(places: scale, rule: .floor).padded(toPlaces: scale)
    var significand = Int(rounded.significand)
    var extra = scale - rounded.scale
    while extra > 0 {
      significand *= 10
      extra -= 1
    }
    return significand
  }

  /// A number of units written as points: 9050 at scale 2 → "90.5".
  static func pointsText(_ units: Int, scale: Int) -> String {
    ExactDecimal(significand: Int64(units), scale: scale).description
  }

  /// The histogram of `totals` (in units of `bins.scale`): a bar per bin coloured by the grade band its lower end
  /// lies in, a dashed line at each band's lowest total with the grade's name, and the axis labelled at its ends
  /// and at every boundary.
  static func histogram(
    totals: [Int], bins: Bins, boundaries: [(grade: String, minimum: Int, colour: String)], caption: String
  ) -> String {
    var counts = [Int](repeating: 0, count: bins.count)
    for total in totals { counts[bins.index(of: total)] += 1 }
    let width = 960
    let height = 336
    let left = 56
    let right = 24
    let top = 56
    let bottom = 44
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    let span = bins.high - bins.low
    let largest = max(1, counts.max() ?? 0)
    func x(_ units: Int) -> Int { left + (units - bins.low) * plotWidth / span }
    func y(_ count: Int) -> Int { top + plotHeight - count * plotHeight / largest }
    var svg = "<svg viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(HTMLText.escape(caption))\">"
    // Grid lines and the count axis: 0, half and the largest count.
    for count in Set([0, largest / 2, largest]).sorted() {
      svg += "<line x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(y(count))\" y2=\"\(y(count))\" class=\"g\"/>"
      svg += "<text x=\"\(left - 8)\" y=\"\(y(count) + 4)\" text-anchor=\"end\" class=\"v\">\(grouped(count))</text>"
    }
    // The bars.
    let sortedBoundaries = boundaries.sorted { $0.minimum > $1.minimum }
    for (index, count) in counts.enumerated() where count > 0 {
      let lower = bins.low + index * bins.width
      let upper = lower + bins.width
      let x0 = x(lower)
      let x1 = x(upper)
      let colour = sortedBoundaries.first { lower >= $0.minimum }?.colour ?? "#9e9e9e"
      let closing = index == bins.count - 1 ? "]" : ")"
      let range = "[\(pointsText(lower, scale: bins.scale)), \(pointsText(upper, scale: bins.scale))\(closing)"
      svg +=
        "<rect x=\"\(x0 + 1)\" y=\"\(y(count))\" width=\"\(max(1, x1 - x0 - 2))\" height=\"\(top + plotHeight - y(count))\" fill=\"\(colour)\">"
      svg += "<title>\(range)：\(grouped(count))</title></rect>"
      if x1 - x0 >= 26 {
        svg +=
          "<text x=\"\((x0 + x1) / 2)\" y=\"\(y(count) - 4)\" text-anchor=\"middle\" class=\"v\">\(grouped(count))</text>"
      }
    }
    // The axis and its labels.
    svg +=
      "<line x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(top + plotHeight)\" y2=\"\(top + plotHeight)\" class=\"a\"/>"
    var ticks = [bins.low, bins.high]
    let inside = sortedBoundaries.filter { $0.minimum > bins.low && $0.minimum < bins.high }
    ticks += inside.map(\.minimum)
    for tick in Set(ticks).sorted() {
      svg +=
        "<line x1=\"\(x(tick))\" x2=\"\(x(tick))\" y1=\"\(top + plotHeight)\" y2=\"\(top + plotHeight + 5)\" class=\"a\"/>"
      svg +=
        "<text x=\"\(x(tick))\" y=\"\(top + plotHeight + 20)\" text-anchor=\"middle\" class=\"v\">\(pointsText(tick, scale: bins.scale))</text>"
    }
    // The band boundaries, and each band's name over its stretch of the axis.
    var upperEdge = bins.high
    for boundary in sortedBoundaries {
      let lowerEdge = max(boundary.minimum, bins.low)
      if boundary.minimum > bins.low, boundary.minimum < bins.high {
        svg +=
          "<line x1=\"\(x(boundary.minimum))\" x2=\"\(x(boundary.minimum))\" y1=\"\(top - 34)\" y2=\"\(top + plotHeight)\" class=\"b\"/>"
      }
      if upperEdge > lowerEdge {
        let middle = (x(lowerEdge) + x(upperEdge)) / 2
        svg +=
          "<text x=\"\(middle)\" y=\"\(top - 38)\" text-anchor=\"middle\" class=\"l\" fill=\"\(boundary.colour)\">\(HTMLText.escape(boundary.grade))</text>"
      }
      upperEdge = min(upperEdge, max(boundary.minimum, bins.low))
      if upperEdge <= bins.low { break }
    }
    svg += "<text x=\"\(width - right)\" y=\"\(height - 6)\" text-anchor=\"end\" class=\"v\">总分 total</text>"
    svg += "</svg>"
    return svg
  }
}
