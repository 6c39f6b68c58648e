/// A rule's setting in the configuration: off, or on at a severity.
public enum RuleSetting: Sendable, Equatable {
    case off
    /// On at the rule's default severity (an override can switch a rule back on).
    case on
    case severity(Severity)
}

/// Settings that apply to files matching some globs (`overrides:`).
public struct PathOverride: Sendable, Equatable {
    public var paths: [Glob]
    public var rules: [String: RuleSetting]

    public init(paths: [Glob], rules: [String: RuleSetting]) {
        self.paths = paths
        self.rules = rules
    }
}

/// What `.friction.yml` says. Paths and globs are relative to `baseDirectory`.
public struct Configuration: Sendable, Equatable {
    /// Where the file was found; nil for the defaults.
    public var path: String?
    public var baseDirectory: String
    public var rules: [String: RuleSetting] = [:]
    public var include: [Glob] = []
    public var exclude: [Glob] = []
    public var overrides: [PathOverride] = []
    /// Extra lexicon directories, resolved against `baseDirectory`.
    public var lexiconDirectories: [String] = []
    /// The user's culture-framework files (`frameworks:`), resolved against `baseDirectory`.
    public var frameworkFiles: [String] = []
    /// Findings at or above this severity make the run fail (exit 1).
    public var failLevel: Severity = .warning

    public init(path: String? = nil, baseDirectory: String) {
        self.path = path
        self.baseDirectory = baseDirectory
    }

    /// The setting for `rule` in a file at `relativePath` (relative to the
    /// base directory); later overrides win.
    public func setting(for rule: String, at relativePath: String) -> RuleSetting? {
        var result = rules[rule]
        for override in overrides where override.paths.contains(where: { $0.matches(relativePath) }) {
            if let setting = override.rules[rule] { result = setting }
        }
        return result
    }

    /// Whether a discovered file is linted, by `include` and `exclude`.
    public func includes(_ relativePath: String) -> Bool {
        if exclude.contains(where: { $0.matches(relativePath) }) { return false }
        return include.isEmpty || include.contains { $0.matches(relativePath) }
    }
}
