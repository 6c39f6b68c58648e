import Foundation
import Testing

/// Opens the audit report of Policies/ in headless Chromium through
/// scripts/check-audit-page.py (the DevTools protocol over a pipe; it waits
/// for the load event, never for a time).
@Suite("Audit report in a browser")
struct ReporterAuditBrowserTests {
    @Test("Policies/ audit loads with no console errors, no network requests, and every finding highlighted")
    func auditInChromium() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("friction-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("audit.html")
        let report = try runFriction(["report", "Policies", "-o", page.path])
        try #require(report.status == 0, "friction report failed: \(report.stderr)")

        let json = try runFriction(["lint", "--format", "json", "Policies"])
        let summary = (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any])["summary"] as! [String: Any]
        let expected = summary["findings"] as! Int
        #expect(expected > 0, "Policies/ has friction on purpose")

        let script = TestPaths.root.appendingPathComponent("scripts/check-audit-page.py").path
        let check = try ReportFixture.python("import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')",
                                             arguments: [script, page.path], input: "")
        if check.status == 3 {
            // Only when the browser truly cannot start (not installed).
            withKnownIssue("headless Chromium is not available: \(check.stderr); run scripts/install-deps.sh --test") {
                Issue.record("chromium unavailable")
            }
            return
        }
        try #require(check.status == 0, "the page check failed: \(check.stderr)")
        let result = try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as! [String: Any]
        #expect((result["requests"] as! [String]) == [], "the page must make no network requests")
        #expect((result["consoleErrors"] as! [String]) == [], "the page must load with no console errors")
        #expect(result["findingMarkers"] as? Int == expected, "one highlighted marker per finding in the JSON output")
        #expect(result["findingNotes"] as? Int == expected, "one note per finding")
        #expect((result["highlights"] as? Int ?? 0) > 0)
        #expect(result["filtersShown"] as? Bool == true)
        #expect((result["filterHides"] as? Int ?? -1) > 0, "pressing Space on a rule filter hides that rule's findings")
    }
}
