import FrictionCore
import Foundation

/// Writes a plain git pre-commit hook that runs `friction lint --staged`.
public enum HookInstaller {
    /// The hook script. `executable` is tried first (the binary that
    /// installed the hook), then `friction` on PATH.
    public static func script(executable: String, lintArguments: [String]) -> String {
        let extra = lintArguments.map { " " + shellQuoted($0) }.joined()
        return """
            #!/bin/sh
            # Git pre-commit hook written by `friction install-hook`.
            # Lints the staged policy files (what is about to be committed, not
            # the work tree) and stops the commit when Friction finds friction at
            # or above the fail level. Skip it once with `git commit --no-verify`.
            friction=\(shellQuoted(executable))
            if [ ! -x "$friction" ]; then friction=friction; fi
            exec "$friction" lint --staged\(extra)

            """
    }

    /// Writes the hook into the repository around `workingDirectory` and
    /// returns its path. Refuses to replace an existing hook unless `force`.
    @discardableResult
    public static func install(workingDirectory: String = FileManager.default.currentDirectoryPath,
                               executable: String, lintArguments: [String] = [], force: Bool) throws -> String {
        let repository = try GitRepository(workingDirectory: workingDirectory)
        // `--git-path` follows worktrees and core.hooksPath.
        var hooks = String(decoding: try repository.git(["rev-parse", "--git-path", "hooks"]), as: UTF8.self)
            .trimmingCharacters(in: .newlines)
        if !hooks.hasPrefix("/") { hooks = workingDirectory + "/" + hooks }
        let path = URL(fileURLWithPath: hooks).appendingPathComponent("pre-commit").standardizedFileURL.path
        if FileManager.default.fileExists(atPath: path), !force {
            throw FrictionError.usage("\(path) already exists; look at it, then run again with --force to replace it")
        }
        do {
            try FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true)
            try OutputFile.writeAtomically(script(executable: executable, lintArguments: lintArguments), to: path)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        } catch let error as FrictionError {
            throw error
        } catch {
            throw FrictionError.unreadable(path: path, reason: "cannot write the hook: \(error.localizedDescription)")
        }
        return path
    }

    /// Single-quoted for the shell.
    static func shellQuoted(_ text: String) -> String {
        if !text.isEmpty, text.allSatisfy({ $0.isLetter || $0.isNumber || "-_./=:@+,".contains($0) }), text.unicodeScalars.allSatisfy(\.isASCII) {
            return text
        }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
