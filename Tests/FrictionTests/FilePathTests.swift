@testable import FrictionKit
import Testing

/// Paths made absolute and normal as text, as config globs see them.
@Suite("File paths")
struct FilePathTests {
    @Test(arguments: [
        ("refunds.md", "/repo", "/repo/refunds.md"),
        ("./drafts/../drafts/refunds.md", "/repo", "/repo/drafts/refunds.md"),
        ("a//b/./c/", "/repo/", "/repo/a/b/c"),
        ("/abs/x/../y.md", "/ignored", "/abs/y.md"),
        ("../../../../up.md", "/repo/a", "/up.md"),
        ("..", "/", "/"),
        ("", "/repo", "/repo"),
        ("café/règles.md", "/dépôt", "/dépôt/café/règles.md"),
        (".hidden/..more/x", "/r", "/r/.hidden/..more/x"),
    ])
    func lexical(_ path: String, _ directory: String, _ expected: String) {
        #expect(FilePath.lexical(path, from: directory) == expected)
    }
}
