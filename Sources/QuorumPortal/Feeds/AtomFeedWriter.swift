/// Writes an Atom (RFC 4287) feed: the portal's feed of published packs.
///
/// ```swift
/// let xml = AtomFeedWriter(id: url, title: "Published meeting packs", selfURL: url, updated: "2017-11-06T09:00:00Z")
///     .write([entry])
/// ```
public struct AtomFeedWriter: Sendable {
    public struct Entry: Sendable, Hashable {
        /// A permanent IRI for the entry: the pack version's own URL.
        public var id: String
        public var title: String
        /// RFC 3339, UTC.
        public var updated: String
        /// The page a reader opens.
        public var link: String
        public var summary: String
        /// Downloads listed as `enclosure` links (the PDF of each part).
        public var enclosures: [Enclosure]

        public init(id: String, title: String, updated: String, link: String, summary: String, enclosures: [Enclosure] = []) {
            self.id = id
            self.title = title
            self.updated = updated
            self.link = link
            self.summary = summary
            self.enclosures = enclosures
        }
    }

    public struct Enclosure: Sendable, Hashable {
        public var url: String
        public var type: String
        public var length: Int
        public var title: String

        public init(url: String, type: String, length: Int, title: String) {
            self.url = url
            self.type = type
            self.length = length
            self.title = title
        }
    }

    public var id: String
    public var title: String
    public var selfURL: String
    public var alternateURL: String
    /// RFC 3339: the newest entry's time, or the feed's own when it has none.
    public var updated: String

    public init(id: String, title: String, selfURL: String, alternateURL: String, updated: String) {
        self.id = id
        self.title = title
        self.selfURL = selfURL
        self.alternateURL = alternateURL
        self.updated = updated
    }

    public func write(_ entries: [Entry]) -> String {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">
              <id>\(Self.escape(id))</id>
              <title>\(Self.escape(title))</title>
              <updated>\(Self.escape(updated))</updated>
              <link rel="self" type="application/atom+xml" href="\(Self.escape(selfURL))"/>
              <link rel="alternate" type="text/html" href="\(Self.escape(alternateURL))"/>
              <author><name>Quorum</name></author>

            """
        for entry in entries {
            xml += """
                  <entry>
                    <id>\(Self.escape(entry.id))</id>
                    <title>\(Self.escape(entry.title))</title>
                    <updated>\(Self.escape(entry.updated))</updated>
                    <link rel="alternate" type="text/html" href="\(Self.escape(entry.link))"/>

                """
            for enclosure in entry.enclosures {
                xml += """
                        <link rel="enclosure" type="\(Self.escape(enclosure.type))" length="\(enclosure.length)" title="\(Self.escape(enclosure.title))" href="\(Self.escape(enclosure.url))"/>

                    """
            }
            xml += """
                    <summary type="text">\(Self.escape(entry.summary))</summary>
                  </entry>

                """
        }
        return xml + "</feed>\n"
    }

    /// Text and attribute values: the five XML specials, and no control characters (which XML 1.0 forbids).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
