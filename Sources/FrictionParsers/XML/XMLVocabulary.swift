import FrictionCore

/// What an element means for the document model.
enum XMLRole: Equatable {
    /// Opens a level of structure (`section`, `chapter`, `topic`).
    case section
    /// A heading for the enclosing section.
    case title
    /// A block of prose of the given kind; its text is sentences.
    case block(BlockKind)
    /// Markup inside a sentence (`em`, `xref`): its text stays in the block.
    case inline
    /// Not prose (code, metadata we do not read): its text is dropped.
    case skip
    /// Holds a metadata value in its text.
    case metadata(MetadataField)
    /// Holds metadata children; text directly inside is dropped.
    case metadataContainer
}

/// A mapping from one XML vocabulary's elements to sections and blocks.
/// Vocabularies are data: adding one is adding a value to `XMLVocabulary.all`.
struct XMLVocabulary: Sendable {
    var name: String
    var namespaces: Set<String>
    /// Root element names that select this vocabulary when there is no namespace.
    var roots: Set<String>
    var sections: Set<String>
    var titles: Set<String>
    /// Elements whose `title` child is the heading of the enclosing section.
    var titleHolders: Set<String> = []
    var inline: Set<String>
    var skip: Set<String>
    var blocks: [String: BlockKind]
    var metadataContainers: Set<String> = []
    /// Metadata values, keyed by element name, read where a metadata container holds them.
    var metadata: [String: MetadataField] = [:]
    /// Metadata in attributes: element name → (attribute, field).
    var metadataAttributes: [String: (String, MetadataField)] = [:]
    /// Every element with a title child opens a section (the generic fallback).
    var everyElementIsSection = false
    /// `h1`...`h6` carry their own level.
    var numberedHeadings = false
    /// A title element is a heading wherever it stands (Akoma Ntoso's
    /// `docTitle` sits inside a paragraph of the preface).
    var headingsAnywhere = false
    /// Statutes, bills and regulations: read for structure, not judged as a
    /// rulebook for frontline staff.
    var isLegislation = false

    func role(of name: String, inMetadata: Bool) -> XMLRole {
        if inMetadata {
            if let field = metadata[name] { return .metadata(field) }
            if titles.contains(name) && titleHolders.isEmpty == false { return .title }
            if metadataContainers.contains(name) { return .metadataContainer }
            return inline.contains(name) ? .inline : .metadataContainer
        }
        if metadataContainers.contains(name) { return .metadataContainer }
        if skip.contains(name) { return .skip }
        if titles.contains(name) { return .title }
        if sections.contains(name) { return .section }
        if inline.contains(name) { return .inline }
        if let kind = blocks[name] { return .block(kind) }
        return .block(.paragraph)
    }

    /// A document in the project's own namespace: the one the policy schema
    /// validates (its tree is read for that).
    func isPolicySchema(namespace: String?) -> Bool {
        name == XMLVocabulary.policy.name && namespace == XMLVocabulary.policyNamespace
    }

    /// What the walker needs of an element: its role out of metadata and
    /// in it, and the attribute that holds a metadata value, if any.
    struct ElementEntry: Sendable {
        var role: XMLRole
        var roleInMetadata: XMLRole
        var metadataAttribute: (name: String, field: MetadataField)?

        func role(inMetadata: Bool) -> XMLRole { inMetadata ? roleInMetadata : role }
    }

    /// Every element this vocabulary names, with what `role(of:inMetadata:)`
    /// and `metadataAttributes` say of it; any other element takes the
    /// default entry. One look-up per element, in place of up to seven.
    struct ElementTable: Sendable {
        let entries: [String: ElementEntry]

        static let unnamed = ElementEntry(role: .block(.paragraph), roleInMetadata: .metadataContainer, metadataAttribute: nil)

        func entry(for name: String) -> ElementEntry { entries[name] ?? Self.unnamed }

        func role(of name: String, inMetadata: Bool) -> XMLRole {
            entry(for: name).role(inMetadata: inMetadata)
        }
    }

    func makeElementTable() -> ElementTable {
        let named = metadataContainers.union(skip).union(titles).union(sections).union(inline).union(blocks.keys)
            .union(metadata.keys).union(metadataAttributes.keys)
        return ElementTable(entries: Dictionary(uniqueKeysWithValues: named.map { name in
            (name, ElementEntry(role: role(of: name, inMetadata: false), roleInMetadata: role(of: name, inMetadata: true),
                                metadataAttribute: metadataAttributes[name].map { (name: $0.0, field: $0.1) }))
        }))
    }

    /// The tables of the vocabularies `detect` returns, built once per run.
    private static let elementTables = Dictionary(uniqueKeysWithValues: (all + [generic]).map { ($0.name, $0.makeElementTable()) })

    /// This vocabulary's table: vocabularies are the values above, known
    /// by name; any other is tabled on the spot.
    var elementTable: ElementTable { Self.elementTables[name] ?? makeElementTable() }

    /// The vocabulary for a document, from its root element and namespace.
    static func detect(root: String, namespace: String?, doctype: String?) -> XMLVocabulary {
        if let namespace, let match = all.first(where: { $0.namespaces.contains(namespace) }) { return match }
        if let namespace, namespace.hasPrefix("http://docs.oasis-open.org/legaldocml/ns/akn/") { return akomaNtoso }
        if let doctype, UTF8Search.contains("DocBook", in: doctype) { return docBook }
        if let doctype, UTF8Search.contains("DITA", in: doctype) { return dita }
        if namespace == nil, let match = all.first(where: { $0.roots.contains(root) }) { return match }
        return generic
    }

    static let all: [XMLVocabulary] = [policy, docBook, dita, akomaNtoso, uslm, dcLaw, regML]

    /// Inline markup shared by the vocabularies that do not define their own.
    static let commonInline: Set<String> = [
        "em", "b", "i", "u", "strong", "emphasis", "a", "span", "sup", "sub", "xref", "ph", "term", "link",
        "quote", "q", "cite", "abbr", "acronym", "keyword", "ulink", "olink", "citetitle", "firstterm",
        "glossterm", "foreignphrase", "wordasword", "date", "ref", "mref", "rref", "inline", "i18n",
        "uicontrol", "wintitle", "menucascade", "tm", "indexterm", "fn", "footnote", "footnoteref",
        "personname", "firstname", "surname", "orgname", "phrase", "remark", "entity", "person", "role",
        "location", "organization", "concept", "object", "event", "process", "quantity", "def", "docType",
        "docNumber", "docDate", "docProponent", "docStatus", "docStage", "docAuthority", "docCommittee",
        "session", "shortTitle", "eol", "eop", "br", "noteRef", "marker", "placeholder", "omissis",
        "extractText", "mod", "mmod", "ins", "del", "affectedDocument", "relatedDocument", "embeddedText",
    ]

    /// Code and other text that is not prose.
    static let commonSkip: Set<String> = [
        "code", "codeph", "codeblock", "pre", "programlisting", "screen", "literallayout", "computeroutput",
        "userinput", "filename", "filepath", "systemoutput", "msgblock", "script", "style", "svg", "math",
        "mathml", "equation", "inlineequation", "varname", "cmdname", "option", "parmname", "apiname",
        "classname", "methodname", "function", "parameter", "envar", "literal", "uri", "url", "email",
        "image", "imagedata", "mediaobject", "inlinemediaobject", "object", "indexterm", "draft-comment",
        "required-cleanup", "data", "data-about", "foreign", "unknown", "remark",
    ]
}
