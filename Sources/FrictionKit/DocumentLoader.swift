import FrictionCore
import FrictionParsers
import Foundation

/// Finds and parses policy files, in parallel, in a stable order.
public struct DocumentLoader: Sendable {
    public let reader: DocumentReader
    public let jobs: Int

    public init(reader: DocumentReader = DocumentReader(), jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.reader = reader
        self.jobs = max(1, jobs)
    }

    public struct Loaded: Sendable {
        public var path: String
        public var outcome: Result<Document, FrictionError>
    }

    /// Parses every file found under `paths`. Paths that do not exist come
    /// back as failures in the order given, before the files found.
    public func load(_ paths: [String]) -> [Loaded] {
        let discovery = FileDiscovery(extensions: reader.fileExtensions)
        let reader = self.reader
        var errors: [FrictionError] = []
        // Files are parsed as the walk finds them (see `StreamingMap`).
        let parsed = StreamingMap.map(jobs: jobs, produce: { errors = discovery.discover(paths, found: $0) }) { path in
            Loaded(path: path, outcome: Result { try reader.read(path: path) }.mapError { error in
                (error as? FrictionError) ?? .unreadable(path: path, reason: "\(error)")
            })
        }
        return errors.map { Loaded(path: $0.path ?? "", outcome: .failure($0)) } + parsed
    }
}
