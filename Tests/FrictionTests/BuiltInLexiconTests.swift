import Foundation
import Testing
@testable import FrictionCore
import FrictionKit

/// The built-in lexicons and frameworks load from values parsed at build time
/// (scripts/embed-lexicons.py); they must be exactly what parsing the embedded
/// YAML gives, line and column included.
@Suite struct BuiltInLexiconTests {
    @Test func preParsedLexiconsMatchTheirYAML() throws {
        let fromYAML = try BuiltInLexicons.files.map { try LexiconFile.parse($0.text, path: "<built-in>/" + $0.name) }
        let parsed = BuiltInLexicons.parsedFiles
        #expect(parsed.count == fromYAML.count)
        for (ours, theirs) in zip(parsed, fromYAML) {
            #expect(String(describing: ours) == String(describing: theirs), "\(theirs.path)")
        }
    }

    @Test func preParsedFrameworksMatchTheirYAML() throws {
        let fromYAML = try BuiltInLexicons.frameworks.map { try FrameworkLoader.parse($0.text, path: "<built-in>/" + $0.name) }
        let parsed = BuiltInLexicons.parsedFrameworks
        #expect(parsed.count == fromYAML.count)
        for (ours, theirs) in zip(parsed, fromYAML) {
            #expect(String(describing: ours) == String(describing: theirs), "\(theirs.path)")
        }
    }

    @Test func coverageIsBuiltOnlyWhenAsked() throws {
        var options = LintOptions()
        options.workingDirectory = TestPaths.fixture("coverage/custom")
        options.configPath = TestPaths.fixture("coverage/custom/.friction.yml")
        options.measureCoverage = false
        #expect(try Linter.make(options).coverage == nil)
        options.measureCoverage = true
        #expect(try Linter.make(options).coverage != nil)
    }
}
