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
        let found = FileDiscovery(extensions: reader.fileExtensions).discover(paths)
        let missing = found.errors.map { Loaded(path: $0.path ?? "", outcome: .failure($0)) }
        let reader = self.reader
        let parsed = found.files.parallelMap(jobs: jobs) { path in
            Loaded(path: path, outcome: Result { try reader.read(path: path) }.mapError { error in
                (error as? FrictionError) ?? .unreadable(path: path, reason: "\(error)")
            })
        }
        return missing + parsed
    }
}
