import Foundation
import FrictionCore
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

    /// The byte-level reader gives what Foundation gives, lower-cased.
    @Test(arguments: ["a.md", "dir/a.MD", ".hidden", "dir/.hidden", "a.", "a..md", "dir.x/a", "a.md/", "a.md//",
                      "/", "", ".", "..", "dir/..", "a.tar.gz", "x/.a.md", "a b.Md", "é.mD", "règles.DİTA", "a.m d",
                      "a/b.c/", "...md", "a.md.", "./a.xml", "/repo/Policies/refunds.Markdown"])
    func pathExtension(_ path: String) {
        #expect(PathExtension.of(path) == (path as NSString).pathExtension.lowercased())
    }
}
