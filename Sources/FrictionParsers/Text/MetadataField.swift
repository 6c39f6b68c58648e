import FrictionCore

/// The metadata fields that formats fill in from front matter or elements.
enum MetadataField: Equatable, Sendable {
    case title, owner, effectiveDate, reviewDate, audience, language

    var keyPath: WritableKeyPath<DocumentMetadata, String?> {
        switch self {
        case .title: \.title
        case .owner: \.owner
        case .effectiveDate: \.effectiveDate
        case .reviewDate: \.reviewDate
        case .audience: \.audience
        case .language: \.language
        }
    }
}
