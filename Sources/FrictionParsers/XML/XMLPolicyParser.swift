import CLibXML2
import FrictionCore
import Foundation

/// XML policies: libxml2 checks the document (safely, see `LibXML`), a
/// vocabulary chosen by root element and namespace maps elements to sections
/// and blocks, and documents in the project's own namespace are validated
/// against its schema.
public struct XMLPolicyParser: DocumentParser {
    public let format = DocumentFormat.xml
    public let fileExtensions: Set<String> = ["xml", "dita", "dbk", "docbook", "akn"]

    public init() {}

    public func decode(_ raw: [UInt8], path: String) throws -> SourceText {
        try SourceText.decode(Self.transcode(raw, path: path), path: path)
    }

    public func parse(_ source: SourceText, path: String) throws -> Document {
        // Most documents are checked without a tree (see `XMLOutline`);
        // one whose DTD declares entities, or that the policy schema
        // validates, is read into a tree as well.
        let outline = try XMLOutline.read(source.bytes, path: path)
        if outline.declaresEntities {
            // Stopped at its DTD, the outline has not seen the root: the tree says.
            let document = try LibXML.parse(source.bytes, path: path)
            defer { xmlFreeDoc(document) }
            let root = LibXML.root(of: document)
            return try walk(source, path: path, document: document,
                            vocabulary: XMLVocabulary.detect(root: root.name, namespace: root.namespace, doctype: root.doctype),
                            namespace: root.namespace)
        }
        let vocabulary = XMLVocabulary.detect(root: outline.root, namespace: outline.namespace, doctype: outline.doctype)
        let document = vocabulary.isPolicySchema(namespace: outline.namespace) ? try LibXML.parse(source.bytes, path: path) : nil
        defer { if let document { xmlFreeDoc(document) } }
        return try walk(source, path: path, document: document, vocabulary: vocabulary, namespace: outline.namespace)
    }

    private func walk(_ source: SourceText, path: String, document: xmlDocPtr?, vocabulary: XMLVocabulary,
                      namespace: String?) throws -> Document {
        var builder = DocumentBuilder(path: path, format: .xml, lineCount: source.lineCount)
        builder.profile = vocabulary.name
        builder.isLegislation = vocabulary.isLegislation
        if let document, vocabulary.isPolicySchema(namespace: namespace) {
            builder.diagnostics = PolicySchemaValidator.validate(document)
        }
        // libxml2 does not substitute entities (no XML_PARSE_NOENT); the walker
        // expands plain-text internal ones itself, within a budget, so a few
        // kilobytes of references cannot become gigabytes of text
        // ("quadratic blowup").
        let budget = EntityBudget(limit: Self.entityExpansionLimit + source.bytes.count)
        var walker = XMLWalker(source: source, vocabulary: vocabulary, builder: builder) { name in
            document.flatMap { budget.spend(LibXML.internalEntityText(name, in: $0)) }
        }
        walker.walk()
        if budget.exceeded {
            throw FrictionError.malformed(path: path, line: nil, column: nil,
                reason: "entity references expand to more than \(budget.limit) bytes of text; refusing the document (an entity-expansion attack?)")
        }
        return walker.builder.finish()
    }

    /// Bytes of entity replacement text a document may add beyond its own size.
    static let entityExpansionLimit = 1 << 20

    private final class EntityBudget {
        let limit: Int
        private var spent = 0
        private(set) var exceeded = false

        init(limit: Int) { self.limit = limit }

        func spend(_ text: String?) -> String? {
            guard let text, !exceeded else { return nil }
            spent += text.utf8.count
            if spent > limit { exceeded = true; return nil }
            return text
        }
    }

    /// Transcodes a document that declares a legacy encoding to UTF-8, so
    /// lines and columns are counted in the characters a reader sees.
    public static func transcode(_ raw: [UInt8], path: String) throws -> [UInt8] {
        let head = String(decoding: raw.prefix(200), as: UTF8.self)
        guard head.hasPrefix("<?xml"), let declared = declaredEncoding(head) else { return raw }
        let encoding: String.Encoding
        switch declared.lowercased() {
        case "utf-8", "utf8", "us-ascii", "ascii", "utf-16", "utf16": return raw
        case "iso-8859-1", "latin1", "latin-1", "iso8859-1", "iso_8859-1": encoding = .isoLatin1
        case "windows-1252", "cp1252": encoding = .windowsCP1252
        case "iso-8859-2", "latin2": encoding = .isoLatin2
        default:
            throw FrictionError.undecodable(path: path, line: 1, column: nil,
                                            reason: "unsupported encoding '\(declared)'; save the file as UTF-8")
        }
        guard let text = String(data: Data(raw), encoding: encoding) else {
            throw FrictionError.undecodable(path: path, line: nil, column: nil, reason: "the file is not valid \(declared)")
        }
        return Array(text.utf8)
    }

    private static func declaredEncoding(_ head: String) -> String? {
        let bytes = Array(head.utf8)
        guard let declarationEnd = UTF8Search.firstRange(of: "?>", in: bytes),
              let key = UTF8Search.firstRange(of: "encoding", in: bytes[..<declarationEnd.lowerBound]) else { return nil }
        let rest = bytes[key.upperBound..<declarationEnd.lowerBound]
        guard let open = rest.firstIndex(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else { return nil }
        guard let close = rest[(open + 1)...].firstIndex(of: rest[open]) else { return nil }
        return String(decoding: rest[(open + 1)..<close], as: UTF8.self)
    }
}
