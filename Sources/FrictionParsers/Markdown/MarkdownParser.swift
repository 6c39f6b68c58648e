import CCmarkGFM
import FrictionCore
import Foundation

/// Markdown through cmark-gfm, GitHub's CommonMark parser, with the table,
/// strikethrough, autolink and tasklist extensions. YAML front matter is read
/// first and blanked (newlines kept) so cmark's line numbers stay the file's.
public struct MarkdownParser: DocumentParser {
    public let format = DocumentFormat.markdown
    public let fileExtensions: Set<String> = ["md", "markdown", "mdown", "mkd", "mdx"]

    public init() {}

    public func parse(_ source: SourceText, path: String) throws -> Document {
        try parse(source, path: path, segmentBytes: MarkdownSegments.defaultSegmentBytes)
    }

    /// Parses in segments of about `segmentBytes` where the file allows it
    /// (see `MarkdownSegments`), one cmark tree at a time, so a 50 MB file
    /// never holds a whole-file tree; the result is the same as one parse.
    func parse(_ source: SourceText, path: String, segmentBytes: Int) throws -> Document {
        var builder = DocumentBuilder(path: path, format: .markdown, lineCount: source.lineCount)
        var input = source.bytes
        if let frontMatter = try FrontMatter.parse(source, path: path) {
            builder.metadata = frontMatter.metadata
            for index in frontMatter.byteRange where input[index] != 0x0A && input[index] != 0x0D {
                input[index] = 0x20
            }
        }
        var walker = MarkdownWalker(source: source, builder: builder)
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
                guard let root = CMark.parse(input[startByte..<endByte]) else {
                    throw FrictionError.malformed(path: path, line: nil, column: nil, reason: "cmark-gfm could not parse the file")
                }
                if next < cuts.count && !MarkdownSegments.endsClosed(root, lineCount: endLine - startLine) {
                    cmark_node_free(root)
                    next += 1
                    continue
                }
                walker.walk(root, lineOffset: startLine)
                cmark_node_free(root)
                break
            }
            first = next
        }
        return walker.builder.finish()
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

    static func parse(_ bytes: ArraySlice<UInt8>) -> OpaquePointer? {
        guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS) else { return nil }
        defer { cmark_parser_free(parser) }
        for syntaxExtension in extensions {
            cmark_parser_attach_syntax_extension(parser, syntaxExtension)
        }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
            }
        }
        // Inline parsing happens in `finish`, and cmark-gfm keeps the table
        // of special inline characters in a process-wide global that every
        // parser adds its extensions' characters to and removes them from
        // when done (github/cmark-gfm#176). Two parsers finishing at once
        // would see each other's removals (autolinks and strikethrough missed
        // at random), so finishing is one parser at a time. Block parsing
        // (`feed`) has no shared state and stays parallel.
        inlineParsing.lock()
        defer { inlineParsing.unlock() }
        return cmark_parser_finish(parser)
    }

    private static let inlineParsing = NSLock()
}
