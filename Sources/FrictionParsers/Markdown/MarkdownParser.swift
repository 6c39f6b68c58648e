import CCmarkGFM
import FrictionCore
import Foundation

/// Markdown through cmark-gfm, GitHub's CommonMark parser, with the table,
/// strikethrough, autolink and tasklist extensions. YAML front matter is read
/// first and blanked (newlines kept) so cmark's line numbers stay the file's.
public struct MarkdownParser: DocumentParser {
    public let format = DocumentFormat.markdown
    public let fileExtensions: Set<String> = ["md", "markdown", "mdown", "mkd", "mdx"]

    /// Files up to this size are parsed whole; larger ones in segments of
    /// about this size (see `MarkdownSegments`).
    public var segmentBytes = MarkdownSegments.defaultSegmentBytes

    public init() {}

    public init(segmentBytes: Int) {
        self.segmentBytes = segmentBytes
    }

    /// Parses one cmark tree per segment, so a 50 MB file never holds a
    /// whole-file tree; the result is the same as one parse.
    public func parse(_ source: SourceText, path: String) throws -> Document {
        let frontMatter = try FrontMatter.parse(source, path: path)
        var walker = MarkdownWalker(source: source, builder: builder(for: source, path: path, frontMatter: frontMatter))
        try walkSegments(source, path: path, frontMatter: frontMatter, walker: &walker) { _ in }
        return walker.builder.finish()
    }

    func parse(_ source: SourceText, path: String, segmentBytes: Int) throws -> Document {
        try MarkdownParser(segmentBytes: segmentBytes).parse(source, path: path)
    }

    /// A part per segment: the walk goes on as in `parse`, and only the
    /// builder that collects the sentences is handed over and replaced.
    public func parseParts(_ source: SourceText, path: String, _ body: (Document) throws -> Void) throws {
        let frontMatter = try FrontMatter.parse(source, path: path)
        var walker = MarkdownWalker(source: source, builder: builder(for: source, path: path, frontMatter: frontMatter))
        try walkSegments(source, path: path, frontMatter: frontMatter, walker: &walker) { walker in
            let part = walker.builder.finish()
            walker.builder = DocumentBuilder(path: path, format: .markdown, lineCount: source.lineCount)
            try body(part)
        }
        try body(walker.builder.finish())
    }

    /// A builder that starts with the file's metadata.
    private func builder(for source: SourceText, path: String, frontMatter: FrontMatter?) -> DocumentBuilder {
        var builder = DocumentBuilder(path: path, format: .markdown, lineCount: source.lineCount)
        if let frontMatter { builder.metadata = frontMatter.metadata }
        return builder
    }

    /// Walks the file's segments in order, calling `betweenSegments` after
    /// each but the last.
    private func walkSegments(_ source: SourceText, path: String, frontMatter: FrontMatter?, walker: inout MarkdownWalker,
                              betweenSegments: (inout MarkdownWalker) throws -> Void) throws {
        var input = source.bytes
        // The front matter is blanked (newlines kept) so cmark's line numbers stay the file's.
        if let frontMatter {
            for index in frontMatter.byteRange where input[index] != 0x0A && input[index] != 0x0D {
                input[index] = 0x20
            }
        }
        let cuts = MarkdownSegments.cuts(in: input, source: source, segmentBytes: segmentBytes)
        var first = 0
        while first < cuts.count {
            // Segment `cuts[first]..<cuts[next]` (0-based lines); when its
            // last block is still open at its end, the cut is unsafe and the
            // next segment joins it.
            var next = first + 1
            while true {
                let startLine = cuts[first]
                let endLine = next < cuts.count ? cuts[next] : source.lineCount
                let startByte = source.lineStarts[startLine]
                let endByte = next < cuts.count ? source.lineStarts[endLine] : input.count
                let walked = try CMark.withTree(of: input[startByte..<endByte]) { root in
                    guard let root else {
                        throw FrictionError.malformed(path: path, line: nil, column: nil, reason: "cmark-gfm could not parse the file")
                    }
                    if next < cuts.count && !MarkdownSegments.endsClosed(root, lineCount: endLine - startLine) { return false }
                    walker.walk(root, lineOffset: startLine)
                    return true
                }
                if walked { break }
                next += 1
            }
            first = next
            if first < cuts.count { try betweenSegments(&walker) }
        }
    }
}

/// The C library's setup, done once per process.
enum CMark {
    /// The GFM extensions, registered once; cmark-gfm keeps them in a
    /// process-wide registry and only reads them afterwards.
    nonisolated(unsafe) private static let extensions = {
        cmark_gfm_core_extensions_ensure_registered()
        var found = [cmark_find_syntax_extension("table")]
        for name in ["strikethrough", "autolink", "tasklist"] {
            found.append(cmark_find_syntax_extension(name))
        }
        return found.compactMap { $0 }
    }()

    /// Parses `bytes` and calls `body` with the tree's root (nil when cmark
    /// could not parse them). The tree lives in a `CMarkArena` and is gone
    /// when `body` returns.
    static func withTree<Result>(of bytes: ArraySlice<UInt8>, _ body: (OpaquePointer?) throws -> Result) rethrows -> Result {
        try CMarkArena.with { try body(parse(bytes)) }
    }

    /// The tree of `bytes`, allocated in this thread's current arena.
    private static func parse(_ bytes: ArraySlice<UInt8>) -> OpaquePointer? {
        guard let parser = cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS, CMarkArena.memory) else { return nil }
        defer { cmark_parser_free(parser) }
        for syntaxExtension in extensions {
            cmark_parser_attach_syntax_extension(parser, syntaxExtension)
        }
        // Inline parsing happens in `finish`, and cmark-gfm keeps the table
        // of special inline characters in a process-wide global that every
        // parser adds its extensions' characters to and removes them from
        // when done (github/cmark-gfm#176, never merged). Two parsers
        // finishing at once would see each other's removals (autolinks and
        // strikethrough missed at random), so finishing is one parser at a
        // time. Block parsing (`feed`) stays parallel where it parses no
        // inlines (see `blockParsingParsesInlines`).
        let lockedFeed = blockParsingParsesInlines
        if lockedFeed { inlineParsing.lock() }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
            }
        }
        if !lockedFeed { inlineParsing.lock() }
        defer { inlineParsing.unlock() }
        return cmark_parser_finish(parser)
    }

    private static let inlineParsing = NSLock()

    /// Whether this process's cmark-gfm parses inlines, and so adds and
    /// removes the shared special characters, while it parses blocks.
    /// Later releases than 0.29.0.gfm.6 (Debian 12's) may: the table
    /// extension of newer sources parses a row's cells as soon as it meets
    /// the row (`row_from_string`), inside `feed`, where 0.29.0.gfm.6's
    /// extension library does not even link the inline parser. A release
    /// not known to be safe counts as unsafe (Homebrew's, say): feeding is
    /// then under the lock too, slower but never wrong.
    static let blockParsingParsesInlines = parsesInlinesWhileParsingBlocks(version: String(cString: cmark_version_string()))

    /// `blockParsingParsesInlines` for a `cmark_version_string()`: false
    /// only for 0.29.0.gfm.N with N at most 6.
    static func parsesInlinesWhileParsingBlocks(version: String) -> Bool {
        let prefix = "0.29.0.gfm."
        guard version.hasPrefix(prefix), let release = Int(version.dropFirst(prefix.count)) else { return true }
        return release > 6
    }
}
