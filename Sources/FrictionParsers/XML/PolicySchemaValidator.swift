import CLibXML2
import FrictionCore

/// Validates documents in the project's policy namespace against the XSD in
/// Policies/schema/policy.xsd (embedded in the binary, so an installed tool
/// needs no source tree).
enum PolicySchemaValidator {
    /// Compiled once; libxml2 allows one compiled schema to serve validations
    /// on many threads.
    nonisolated(unsafe) private static let schema: xmlSchemaPtr? = {
        _ = LibXML.setUp
        let text = Array(PolicySchema.xsd.utf8)
        return text.withUnsafeBufferPointer { buffer -> xmlSchemaPtr? in
            let context = buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlSchemaNewMemParserCtxt($0, Int32(buffer.count))
            }
            guard let context else { return nil }
            defer { xmlSchemaFreeParserCtxt(context) }
            xmlSchemaSetParserStructuredErrors(context, { _, _ in }, nil)
            return xmlSchemaParse(context)
        }
    }()

    private final class Collector {
        var diagnostics: [Diagnostic] = []
    }

    /// Every schema violation in `document`, each with its line.
    static func validate(_ document: xmlDocPtr) -> [Diagnostic] {
        guard let schema, let context = xmlSchemaNewValidCtxt(schema) else {
            return [Diagnostic(line: 1, message: "the built-in policy schema could not be loaded")]
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = Collector()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        xmlSchemaSetValidStructuredErrors(context, { userData, error in
            guard let userData, let error else { return }
            let collector = Unmanaged<Collector>.fromOpaque(userData).takeUnretainedValue()
            collector.diagnostics.append(Diagnostic(line: max(Int(error.pointee.line), 1),
                                                    message: "schema: " + LibXML.message(error)))
        }, box.toOpaque())
        _ = xmlSchemaValidateDoc(context, document)
        return collector.diagnostics
    }
}
