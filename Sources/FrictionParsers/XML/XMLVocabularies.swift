import FrictionCore

extension XMLVocabulary {
    /// The project's own policy vocabulary (schema in Policies/schema/policy.xsd).
    /// Files without the namespace but with a `<policy>` root are read the same
    /// way, without schema validation.
    static let policyNamespace = "urn:friction:policy:1"

    static let policy = XMLVocabulary(
        name: "policy",
        namespaces: [policyNamespace],
        roots: ["policy"],
        sections: ["policy", "section"],
        titles: ["title"],
        inline: ["em", "b", "i", "strong", "term", "a", "xref", "span", "q", "abbr"],
        skip: ["code", "pre"],
        blocks: ["p": .paragraph, "li": .listItem, "item": .listItem, "td": .tableCell, "th": .tableCell,
                 "caption": .paragraph, "note": .blockQuote, "blockquote": .blockQuote, "quote": .blockQuote],
        metadataContainers: ["meta", "metadata"],
        metadata: ["owner": .owner, "effective": .effectiveDate, "review": .reviewDate,
                   "audience": .audience, "language": .language]
    )

    /// DocBook 4.5 (no namespace) and 5 (the DocBook namespace).
    static let docBook = XMLVocabulary(
        name: "docbook",
        namespaces: ["http://docbook.org/ns/docbook"],
        roots: ["article", "book", "chapter", "part", "set", "reference", "refentry"],
        sections: ["article", "book", "chapter", "part", "section", "sect1", "sect2", "sect3", "sect4", "sect5",
                   "simplesect", "appendix", "preface", "refsect1", "refsect2", "refsect3", "refentry", "reference",
                   "set", "partintro", "colophon", "dedication", "glossary", "bibliography"],
        titles: ["title"],
        titleHolders: ["info", "articleinfo", "bookinfo", "chapterinfo", "sectioninfo", "sect1info", "sect2info",
                       "sect3info", "prefaceinfo", "appendixinfo"],
        inline: commonInline,
        skip: commonSkip.union(["subtitle", "titleabbrev", "revhistory", "legalnotice", "copyright", "toc", "index"]),
        blocks: ["para": .paragraph, "simpara": .paragraph, "formalpara": .paragraph, "listitem": .listItem,
                 "member": .listItem, "step": .listItem, "entry": .tableCell, "td": .tableCell, "th": .tableCell,
                 "note": .blockQuote, "tip": .blockQuote, "warning": .blockQuote, "caution": .blockQuote,
                 "important": .blockQuote, "blockquote": .blockQuote, "sidebar": .blockQuote, "term": .listItem],
        metadataContainers: ["info", "articleinfo", "bookinfo", "chapterinfo", "sectioninfo", "sect1info",
                             "sect2info", "sect3info", "prefaceinfo", "appendixinfo"],
        metadata: ["author": .owner, "corpauthor": .owner, "orgname": .owner, "pubdate": .effectiveDate, "date": .effectiveDate]
    )

    /// DITA topics (topic, concept, task, reference and their relatives).
    static let dita = XMLVocabulary(
        name: "dita",
        namespaces: [],
        roots: ["topic", "concept", "task", "reference", "glossentry", "glossgroup", "troubleshooting", "dita",
                "learningContent", "map", "bookmap"],
        sections: ["topic", "concept", "task", "reference", "glossentry", "glossgroup", "troubleshooting",
                   "section", "example", "refsyn"],
        titles: ["title", "glossterm"],
        titleHolders: [],
        inline: commonInline.subtracting(["term"]).union(["term", "b", "i", "u", "sup", "sub", "q", "cite", "tt"]),
        skip: commonSkip.union(["titlealts", "navtitle", "searchtitle", "topicmeta", "related-links", "topicref",
                                "keydef", "mapref", "reltable", "shortdesc-alt"]),
        blocks: ["p": .paragraph, "shortdesc": .paragraph, "abstract": .paragraph, "li": .listItem,
                 "sli": .listItem, "step": .listItem, "substep": .listItem, "cmd": .listItem, "info": .listItem,
                 "stepresult": .listItem, "choice": .listItem, "entry": .tableCell, "stentry": .tableCell,
                 "note": .blockQuote, "lq": .blockQuote, "dd": .listItem, "dt": .listItem, "context": .paragraph,
                 "result": .paragraph, "postreq": .paragraph, "prereq": .paragraph, "glossdef": .paragraph],
        metadataContainers: ["prolog"],
        metadata: ["author": .owner, "publisher": .owner, "audience": .audience],
        metadataAttributes: ["created": ("date", .effectiveDate), "revised": ("expiry", .reviewDate)]
    )

    /// Akoma Ntoso 3.0 legal documents.
    static let akomaNtoso = XMLVocabulary(
        name: "akomantoso",
        namespaces: ["http://docs.oasis-open.org/legaldocml/ns/akn/3.0", "http://www.akomantoso.org/2.0"],
        roots: ["akomaNtoso"],
        sections: ["act", "bill", "doc", "debate", "judgment", "amendment", "statement", "documentCollection",
                   "portion", "book", "part", "chapter", "title", "section", "subsection", "article", "clause",
                   "subclause", "division", "paragraph", "subparagraph", "hcontainer", "tblock", "rule", "subrule",
                   "list", "point", "item", "level", "preface", "preamble", "conclusions", "attachment", "component",
                   "debateSection", "speech", "question", "answer", "introduction", "background", "arguments",
                   "remedies", "motivation", "decision", "header", "judgmentBody"],
        titles: ["heading", "docTitle", "subheading"],
        inline: commonInline,
        skip: commonSkip.union(["num", "authorialNote", "from", "components"]),
        blocks: ["p": .paragraph, "content": .paragraph, "intro": .paragraph, "wrapUp": .paragraph,
                 "blockList": .listItem, "li": .listItem, "td": .tableCell, "th": .tableCell,
                 "quotedText": .blockQuote, "quotedStructure": .blockQuote, "blockContainer": .paragraph,
                 "longTitle": .paragraph, "formula": .paragraph, "recitals": .paragraph, "recital": .paragraph,
                 "citations": .paragraph, "citation": .paragraph],
        metadataContainers: ["meta"],
        headingsAnywhere: true,
        isLegislation: true
    )

    /// Legislation vocabularies read with the generic structure: United States
    /// Legislative Markup, the DC Council's code, and eRegs' RegML.
    static let uslm = generic.legislation(named: "uslm", namespaces: ["http://schemas.gpo.gov/xml/uslm", "http://xml.house.gov/schemas/uslm/1.0"])
    static let dcLaw = generic.legislation(named: "dc-law", namespaces: ["https://code.dccouncil.us/schemas/dc-library"])
    static let regML = generic.legislation(named: "regml", namespaces: ["eregs"])

    private func legislation(named name: String, namespaces: Set<String>) -> XMLVocabulary {
        var vocabulary = self
        vocabulary.name = name
        vocabulary.namespaces = namespaces
        vocabulary.isLegislation = true
        return vocabulary
    }

    /// Any other XML: title-like elements open sections, every other element
    /// with text is a block.
    static let generic = XMLVocabulary(
        name: "generic",
        namespaces: [],
        roots: [],
        sections: [],
        titles: ["title", "heading", "h1", "h2", "h3", "h4", "h5", "h6", "header", "caption", "head", "subject", "subtitle"],
        inline: commonInline.union(["b", "i", "u", "tt", "small", "big", "strike", "s", "font", "nobr", "wbr",
                                    "ital", "bold", "italic", "underline", "smallcaps", "inline", "term", "defined-term"]),
        skip: commonSkip.union(["meta", "metadata", "script", "style", "head-meta"]),
        blocks: ["li": .listItem, "item": .listItem, "td": .tableCell, "th": .tableCell, "entry": .tableCell,
                 "cell": .tableCell, "blockquote": .blockQuote, "quote": .blockQuote, "note": .blockQuote],
        everyElementIsSection: true,
        numberedHeadings: true
    )
}
