import CFuzzer
import FuzzSupport

/// libFuzzer entry point: one input, read as an XML policy.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzSupport.run(data, size, path: "fuzz.xml")
}

/// SwiftPM links an executable with `--defsym main=FuzzXML_main`, and with
/// -parse-as-library there is no Swift `main`: hand the process to
/// libFuzzer's driver here (so a plain `FuzzXML CRASHFILE` replays an input).
@_cdecl("FuzzXML_main")
public func fuzzXMLMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzXML(data, size) }
}
