import Foundation
import FrictionKit
import Testing

/// Every labeled sentence of the shared dev set must be found by `friction
/// parse` on the line the label gives: the contract the scorers rely on.
@Suite("Dev-set labels line up with parsed sentences")
struct DevSetLineTests {
    @Test(.enabled(if: TestPaths.sharedExists, "../shared/dev-set is absent on this machine; skipping"))
    func everyLabeledSentenceStartsOnItsLine() throws {
        let docs = TestPaths.shared.appendingPathComponent("dev-set/docs")
        let labels = try String(contentsOf: docs.appendingPathComponent("labels.jsonl"), encoding: .utf8)
            .split(separator: "\n")
            .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .filter { $0["kind"] == nil }
        #expect(labels.count > 50)
        let files = Set(labels.compactMap { $0["file"] as? String }).sorted()
        let result = try runFriction(["parse", "--format", "json"] + files.map { docs.appendingPathComponent($0).path })
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        var starts: [String: Set<Int>] = [:]
        for document in json["documents"] as? [[String: Any]] ?? [] {
            let name = URL(fileURLWithPath: document["path"] as! String).lastPathComponent
            starts[name] = Set((document["sentences"] as? [[String: Any]] ?? []).compactMap { $0["line"] as? Int })
        }
        for label in labels {
            let file = label["file"] as! String
            let line = label["line"] as! Int
            #expect(starts[file]?.contains(line) == true, "no sentence starts on \(file):\(line): \(label["text"] ?? "")")
        }
    }
}
