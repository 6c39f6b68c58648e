import Foundation

/// The friction score: 100 is a policy with no friction found, 0 one where
/// friction is everywhere.
///
/// Each finding costs points by severity (error 3, warning 2, info 1). The
/// points are spread over the policy's length, counted per 10 sentences (a
/// policy shorter than 10 sentences counts as 10, so one finding in a tiny
/// file is not a catastrophe), and the score falls smoothly as that density
/// grows: `100 / (1 + density / 4)`. One warning in ten sentences
/// scores 66; four warnings in ten sentences score 33. More friction never raises the
/// score; a longer policy with the same findings scores higher.
public enum FrictionScore {
    public static func points(_ severity: Severity) -> Int {
        switch severity {
        case .error: 3
        case .warning: 2
        case .info: 1
        }
    }

    public static func score(findings: [Finding], sentenceCount: Int) -> Int {
        score(points: findings.reduce(0) { $0 + points($1.severity) }, sentenceCount: sentenceCount)
    }

    /// The score of findings worth `points` in all.
    public static func score(points: Int, sentenceCount: Int) -> Int {
        let density = Double(points) / (Double(max(sentenceCount, 10)) / 10)
        return Int((100 / (1 + density / 4)).rounded(.down))
    }

    /// A letter for managers: A (80+), B (65+), C (50+), D (35+), else E.
    public static func grade(_ score: Int) -> String {
        switch score {
        case 80...: "A"
        case 65..<80: "B"
        case 50..<65: "C"
        case 35..<50: "D"
        default: "E"
        }
    }
}
