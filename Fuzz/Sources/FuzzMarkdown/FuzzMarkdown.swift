import CFuzzer
import FuzzSupport

/// libFuzzer entry point: one input, read as a Markdown policy.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzSupport.run(data, size, path: "fuzz.md")
}

/// SwiftPM links an executable with `--defsym main=FuzzMarkdown_main`, and with
/// -parse-as-library there is no Swift `main`: hand the process to
/// libFuzzer's driver here (so a plain `FuzzMarkdown CRASHFILE` replays an input).
@_cdecl("FuzzMarkdown_main")
public func fuzzMarkdownMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzMarkdown(data, size) }
}
