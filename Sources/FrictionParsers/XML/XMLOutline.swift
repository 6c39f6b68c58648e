import CLibXML2
import FrictionCore

/// What libxml2 learns about a document in one pass that builds no tree:
/// that it is well-formed (or its first error), its root element and
/// namespace, and its DOCTYPE. The walker reads prose from the source bytes,
/// so most documents never need a tree; building and freeing one was a
/// sixth of linting a DITA topic.
///
/// A document needs a tree after all when its DTD declares entities (the
/// walker expands them from the tree's entity table, within a budget) or
/// when it is validated against the policy schema. The pass stops at the
/// first declaration, so an entity-expansion attack is never expanded here.
struct XMLOutline {
    var root = ""
    var namespace: String?
    /// The DOCTYPE's public and system ids, when the document has one.
    var doctype: String?
    /// The DTD declares entities: read the document into a tree instead.
    var declaresEntities = false

    /// The outline of `bytes` (UTF-8), or the first fatal error with its
    /// line and column.
    static func read(_ bytes: [UInt8], path: String) throws -> XMLOutline {
        // libxml2 makes no parser for zero bytes: the tree-building read
        // says what is wrong with an empty file.
        if bytes.isEmpty { xmlFreeDoc(try LibXML.parse(bytes, path: path)) }
        _ = LibXML.setUp
        let state = State()
        let box = Unmanaged.passRetained(state)
        defer { box.release() }
        return try LibXML.reporting(path: path) { () -> (XMLOutline?, xmlParserCtxtPtr?) in
            let context = bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.flatMap { base in
                    base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        xmlCreateMemoryParserCtxt($0, Int32(clamping: buffer.count))
                    }
                }
            }
            guard let context else { return (nil, nil) }
            // Options first: they adjust the default handler, replaced next.
            xmlCtxtUseOptions(context, LibXML.options)
            // The bytes are UTF-8 (legacy encodings were transcoded), as the
            // tree-building read is told too.
            if let utf8 = xmlFindCharEncodingHandler("UTF-8") { xmlSwitchToEncoding(context, utf8) }
            context.pointee.sax.pointee = handler
            context.pointee.userData = box.toOpaque()
            state.context = context
            _ = xmlParseDocument(context)
            state.context = nil
            // For an entity declaration, libxml2 makes a document of its
            // own to keep the entity in ("for expat compatibility in SAX
            // mode"), even with our handler, and freeing the context leaves
            // it: 13 KB lost for every file that declares an entity.
            if let document = context.pointee.myDoc {
                xmlFreeDoc(document)
                context.pointee.myDoc = nil
            }
            // Stopping at an entity declaration leaves the document
            // unfinished, not malformed: the tree-building read judges it.
            let usable = context.pointee.wellFormed != 0 || state.outline.declaresEntities
            return (usable ? state.outline : nil, context)
        }
    }

    private final class State {
        var outline = XMLOutline()
        var seenRoot = false
        var context: xmlParserCtxtPtr?
    }

    private static func state(_ context: UnsafeMutableRawPointer?) -> State? {
        context.map { Unmanaged<State>.fromOpaque($0).takeUnretainedValue() }
    }

    /// Callbacks for the root element, the DOCTYPE and entity declarations;
    /// every other event goes nowhere. (Made per read: a C struct of
    /// function pointers, cheap to fill, and no shared state.)
    private static var handler: xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { context, localName, _, uri, _, _, _, _, _ in
            guard let state = XMLOutline.state(context), !state.seenRoot else { return }
            state.seenRoot = true
            state.outline.root = localName.map { String(cString: $0) } ?? ""
            state.outline.namespace = uri.map { String(cString: $0) }
        }
        handler.internalSubset = { context, _, externalID, systemID in
            guard let state = XMLOutline.state(context) else { return }
            state.outline.doctype = [externalID, systemID].compactMap { $0 }.map { String(cString: $0) }.joined(separator: " ")
        }
        handler.entityDecl = { context, _, _, _, _, _ in
            guard let state = XMLOutline.state(context) else { return }
            state.outline.declaresEntities = true
            if let parser = state.context { xmlStopParser(parser) }
        }
        return handler
    }
}
