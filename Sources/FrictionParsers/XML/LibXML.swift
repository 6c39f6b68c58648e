import Foundation
import CLibXML2
import FrictionCore

/// libxml2, configured so that reading a file can never reach the network,
/// load another file, or expand entities without bound.
enum LibXML {
    /// Parser options: no network, no DTD loading, no entity substitution, no
    /// XInclude, libxml2's default size and depth limits (no XML_PARSE_HUGE),
    /// and no printing of errors (they are returned instead). Small text
    /// nodes are kept inside their node (XML_PARSE_COMPACT): the tree is
    /// read, never changed, and that saves an allocation per text node.
    /// Indentation between elements makes no text node (XML_PARSE_NOBLANKS):
    /// the walker reads prose from the source bytes, not the tree, and
    /// DITA's indentation was a node per line to build and free.
    static let options: Int32 = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
                                      | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOXINCNODE.rawValue
                                      | XML_PARSE_COMPACT.rawValue | XML_PARSE_NOBLANKS.rawValue)

    /// Done once per process: initialise the library and refuse every
    /// external entity, DTD and schema import, whatever a document asks for.
    static let setUp: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
    }()

    /// Parses `bytes` (UTF-8) into a tree, or throws the first fatal error
    /// with its line and column.
    static func parse(_ bytes: [UInt8], path: String) throws -> xmlDocPtr {
        _ = setUp
        return try reporting(path: path) { () -> (xmlDocPtr?, xmlParserCtxtPtr?) in
            guard let context = xmlNewParserCtxt() else { return (nil, nil) }
            let document = bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlCtxtReadMemory(context, $0, Int32(clamping: buffer.count), nil, "UTF-8", options)
                }
            }
            if let document, context.pointee.wellFormed != 0 { return (document, context) }
            if let document { xmlFreeDoc(document) }
            return (nil, context)
        }
    }

    /// Runs a parse with its first error kept, and frees the parser context
    /// it made. `read` gives nil for a malformed document: the first error
    /// is thrown then, with its line and column.
    static func reporting<Result>(path: String, _ read: () -> (Result?, xmlParserCtxtPtr?)) throws -> Result {
        // The first error is the one to act on (later ones follow from it).
        // libxml2 keeps this handler per thread, so parallel parses do not mix.
        let firstError = FirstError()
        let box = Unmanaged.passRetained(firstError)
        defer { box.release() }
        xmlSetStructuredErrorFunc(box.toOpaque()) { userData, error in
            guard let userData, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let first = Unmanaged<FirstError>.fromOpaque(userData).takeUnretainedValue()
            if first.line == nil {
                first.line = Int(error.pointee.line)
                first.column = Int(error.pointee.int2)
                first.message = LibXML.message(error)
            }
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let (result, context) = read()
        defer { if let context { xmlFreeParserCtxt(context) } }
        if let result { return result }
        guard let context else {
            throw FrictionError.malformed(path: path, line: nil, column: nil, reason: "libxml2 could not allocate a parser")
        }
        if let line = firstError.line {
            throw FrictionError.malformed(path: path, line: line > 0 ? line : nil,
                                          column: (firstError.column ?? 0) > 0 ? firstError.column : nil,
                                          reason: "malformed XML: " + firstError.message)
        }
        guard let error = xmlCtxtGetLastError(context) else {
            throw FrictionError.malformed(path: path, line: nil, column: nil, reason: "malformed XML")
        }
        throw FrictionError.malformed(path: path, line: error.pointee.line > 0 ? Int(error.pointee.line) : nil,
                                      column: error.pointee.int2 > 0 ? Int(error.pointee.int2) : nil,
                                      reason: "malformed XML: " + message(error))
    }

    private final class FirstError {
        var line: Int?
        var column: Int?
        var message = ""
    }

    static func message(_ error: UnsafePointer<xmlError>) -> String {
        guard let text = error.pointee.message else { return "unknown error" }
        return clarify(String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// libxml2's words for the limits Friction keeps (it never passes
    /// XML_PARSE_HUGE), said so that a user knows what to change.
    static func clarify(_ message: String) -> String {
        if message.hasPrefix("Excessive depth in document") {
            return "elements nested more than 256 levels deep; Friction refuses deeper documents"
        }
        if message.contains("Huge input lookup") || message.contains("huge text node")
            || message.contains("use XML_PARSE_HUGE option") {
            return "a text node, name or attribute is larger than 10 MB; Friction refuses it (\(message))"
        }
        if message.contains("entity reference loop") || message.contains("entity amplification")
            || message.contains("Maximum entity amplification") {
            return "entity references expand too far (an entity-expansion attack such as billion laughs?); Friction refuses them (\(message))"
        }
        return message
    }

    /// Root element's local name and namespace, and the DOCTYPE public id.
    static func root(of document: xmlDocPtr) -> (name: String, namespace: String?, doctype: String?) {
        guard let root = xmlDocGetRootElement(document) else { return ("", nil, nil) }
        let name = String(cString: root.pointee.name)
        let namespace = root.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
        var doctype: String?
        if let subset = document.pointee.intSubset {
            doctype = [subset.pointee.ExternalID, subset.pointee.SystemID].compactMap { $0 }.map { String(cString: $0) }.joined(separator: " ")
        }
        return (name, namespace, doctype)
    }

    /// The replacement text of an internal entity declared in the document's
    /// DTD, if it is plain text (no markup, no further references).
    static func internalEntityText(_ name: String, in document: xmlDocPtr) -> String? {
        guard let entity = xmlGetDocEntity(document, name),
              entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY,
              let content = entity.pointee.content else { return nil }
        let text = String(cString: content)
        guard text.utf8.count <= 4096, !text.contains("&"), !text.contains("<") else { return nil }
        return text
    }
}
