/// The tool's version, printed by `friction --version` and written into
/// machine-readable reports.
public enum FrictionVersion {
    public static let current = "0.1.0"
}
