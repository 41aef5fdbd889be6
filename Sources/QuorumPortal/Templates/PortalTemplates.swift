import Foundation
import Mustache

/// The portal's page templates (`<directory>/templates/*.mustache`) and stylesheet
/// (`<directory>/assets/portal.css`), read and checked once at start-up.
///
/// Each page template extends `layout` (`{{<layout}}…{{/layout}}`). Loading renders every
/// page against a sample, so that a template that does not parse, or renders without its one
/// `<h1>`, stops the daemon with the file and the reason instead of failing a visitor later.
public struct PortalTemplates: Sendable {
    /// The pages the portal renders; each must exist.
    public static let pages = [
        "home", "boards", "board", "meeting", "calendar", "search", "signin", "signout", "error", "signinlink", "forwardplan",
        "decisions", "decision",
    ]
    static let partials = ["layout", "decisionfacts", "form"]

    let library: MustacheLibrary
    /// The stylesheet's bytes and its strong validator.
    let stylesheet: Data
    let stylesheetETag: String

    public init(directory: String) throws(PortalTemplateError) {
        let folder = (directory as NSString).appendingPathComponent("templates")
        var templates: [String: MustacheTemplate] = [:]
        for name in Self.pages + Self.partials {
            let path = (folder as NSString).appendingPathComponent("\(name).mustache")
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw PortalTemplateError(file: path, line: nil, reason: "the template file is missing or is not UTF-8 text")
            }
            do {
                templates[name] = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                throw PortalTemplateError(file: path, line: error.context.lineNumber, reason: "does not parse: \(error.error)")
            } catch {
                throw PortalTemplateError(file: path, line: nil, reason: "does not parse: \(error)")
            }
        }
        library = MustacheLibrary(templates: templates)
        let cssPath = (directory as NSString).appendingPathComponent("assets/portal.css")
        guard let css = FileManager.default.contents(atPath: cssPath), !css.isEmpty else {
            throw PortalTemplateError(file: cssPath, line: nil, reason: "the stylesheet is missing or empty")
        }
        stylesheet = css
        stylesheetETag = "\"\(ContentHash.sha256Hex(css).prefix(32))\""
        for name in Self.pages {
            let html = library.render(PageContext.sample(page: name), withTemplate: name) ?? ""
            let path = (folder as NSString).appendingPathComponent("\(name).mustache")
            let headings = html.components(separatedBy: "<h1").count - 1
            guard html.contains("<html lang=\"en-GB\""), headings == 1 else {
                throw PortalTemplateError(
                    file: path, line: nil,
                    reason: "renders \(headings) <h1> headings and \(html.contains("<html lang=\"en-GB\"") ? "" : "no ")layout: a page extends {{<layout}} and has exactly one <h1>")
            }
        }
    }

    /// Renders a page.
    func render(_ page: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: page) ?? ""
    }
}
