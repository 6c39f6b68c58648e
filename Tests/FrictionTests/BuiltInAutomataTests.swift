import Foundation
import Testing
@testable import FrictionCore

/// The automata embedded at build time (BuiltInAutomataData.swift, written by
/// scripts/embed-automata.sh) must be exactly what compiling the built-in
/// lexicons and frameworks gives now.
@Suite struct BuiltInAutomataTests {
    static let dataPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/FrictionCore/Lexicon/BuiltInAutomataData.swift").path

    @Test func embeddedAutomataAreCurrent() throws {
        let source = try BuiltInAutomata.generatedSource()
        // scripts/embed-automata.sh runs this test with FRICTION_WRITE_AUTOMATA=1.
        if ProcessInfo.processInfo.environment["FRICTION_WRITE_AUTOMATA"] == "1" {
            try source.write(toFile: Self.dataPath, atomically: true, encoding: .utf8)
            return
        }
        let embedded = try String(contentsOfFile: Self.dataPath, encoding: .utf8)
        #expect(embedded == source, "BuiltInAutomataData.swift is out of date: run scripts/embed-automata.sh")
        #expect(BuiltInAutomata.rules != nil)
        #expect(BuiltInAutomata.combined != nil)
    }

    @Test func serializedAutomataReadBackTheSame() throws {
        let (rules, combined) = try BuiltInAutomata.compiledFromSources()
        for lexicon in [rules, combined] {
            let values = lexicon.serializedAutomaton
            #expect(TokenAutomaton(serialized: values)?.serialized() == values)
            #expect(TokenAutomaton(serialized: Array(values.dropLast())) == nil)
            #expect(Self.roundTrip(values) == values)
        }
    }

    static func roundTrip(_ values: [Int32]) -> [Int32]? {
        BuiltInAutomata.values(base64: BuiltInAutomata.varintData(values).base64EncodedString())
    }

    @Test func varintsKeepEveryValue() {
        let values: [Int32] = [0, 1, -1, 63, 64, -64, -65, 127, 128, 16_383, 16_384, .max, .min, 2815, -2]
        #expect(Self.roundTrip(values) == values)
        // Every padding: 1, 2 and 3 bytes in the last group.
        for count in 1...6 {
            let short = Array(repeating: Int32(-2), count: count)
            #expect(Self.roundTrip(short) == short)
        }
        #expect(Self.roundTrip([]) == [])
    }

    @Test(arguments: [
        Data([0x80]).base64EncodedString(),          // a value left unfinished
        Data([0x80, 0x80, 0x80, 0x80, 0x80, 0x01]).base64EncodedString(), // past 32 bits
        "AQI", "AQ=D", "A===", "AQ==AQ==", "AQ!D",   // not base64
    ])
    func malformedDataReadsAsNothing(text: String) {
        #expect(BuiltInAutomata.values(base64: text) == nil)
    }

    @Test func loadingWithEmbeddedAutomataGivesTheSameLexicons() throws {
        let (rules, combined) = try BuiltInAutomata.compiledFromSources()
        let loaded = try LexiconLoader.load()
        #expect(loaded.entries == rules.entries)
        #expect(loaded.serializedAutomaton == rules.serializedAutomaton)
        let matcher = try CoverageMatcher.make(frameworkFiles: [])
        #expect(matcher.lexicon.entries == combined.entries)
        #expect(matcher.lexicon.serializedAutomaton == combined.serializedAutomaton)
        let tokens = Tokenizer.tokenize(Array("Refunds will not be issued under any circumstances, but staff may offer credit.".unicodeScalars))
        #expect(loaded.matches(in: tokens).all == rules.matches(in: tokens).all)
    }
}
