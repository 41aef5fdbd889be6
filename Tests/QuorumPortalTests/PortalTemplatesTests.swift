import Foundation
import Testing

@testable import QuorumPortal

@Suite("The portal's templates")
struct PortalTemplatesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let portal = root.appendingPathComponent("Portal").path

    @Test func theShippedTemplatesLoadAndEachPageHasOneHeading() throws {
        let templates = try PortalTemplates(directory: Self.portal)
        for page in PortalTemplates.pages {
            let html = templates.render(page, PageContext.sample(page: page))
            #expect(html.components(separatedBy: "<h1").count == 2, "\(page)")
            #expect(html.contains("<a class=\"skip-link\" href=\"#main\">"), "\(page)")
            #expect(html.contains("<main id=\"main\""), "\(page)")
        }
    }

    @Test func aTemplateThatDoesNotParseStopsStartUpNamingTheFile() throws {
        let folder = try Self.copyOfPortal()
        try "{{<layout}}{{$main}}<h1>x</h1>{{#open}}{{/main}}{{/layout}}".write(
            toFile: folder + "/templates/boards.mustache", atomically: true, encoding: .utf8)
        #expect {
            try PortalTemplates(directory: folder)
        } throws: { error in
            (error as? PortalTemplateError)?.file.hasSuffix("templates/boards.mustache") ?? false
        }
    }

    @Test func aPageWithoutItsHeadingStopsStartUp() throws {
        let folder = try Self.copyOfPortal()
        try "{{<layout}}{{$main}}<p>No heading</p>{{/main}}{{/layout}}".write(
            toFile: folder + "/templates/search.mustache", atomically: true, encoding: .utf8)
        #expect {
            try PortalTemplates(directory: folder)
        } throws: { error in
            guard let error = error as? PortalTemplateError else { return false }
            return error.file.hasSuffix("search.mustache") && error.reason.contains("0 <h1>")
        }
    }

    @Test func aMissingStylesheetStopsStartUp() throws {
        let folder = try Self.copyOfPortal()
        try FileManager.default.removeItem(atPath: folder + "/assets/portal.css")
        #expect(throws: PortalTemplateError.self) { try PortalTemplates(directory: folder) }
    }

    static func copyOfPortal() throws -> String {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("portal-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: portal, toPath: target)
        return target
    }
}
