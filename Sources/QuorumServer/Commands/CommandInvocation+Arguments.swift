import QuorumDomain

// The arguments several commands read the same way, each parsed once here so that a bad one gets
// the same BADARG wherever it is given.
extension CommandInvocation {
    /// The argument at `index` when it is a value rather than a `key=value` option: the optional
    /// leading argument of `DECISION LIST [board] [asof=…]`.
    func positional(_ index: Int) -> String? {
        argument(index).flatMap { $0.contains("=") ? nil : $0 }
    }

    /// The `asof=YYYY-MM-DD` option, the only one allowed from position `start` on.
    /// - Throws: BADARG for another option or a date that does not parse.
    func asOf(from start: Int) throws(CommandError) -> LocalDate? {
        try date(option: "asof", in: try options(from: start, allowed: ["asof"]))
    }

    /// A `YYYY-MM-DD` argument the arity guarantees is there.
    /// - Throws: BADARG naming `what` when it does not parse.
    func requiredDate(_ index: Int, _ what: String) throws(CommandError) -> LocalDate {
        guard let date = try date(index, what) else { throw .badArgument(name, "\(what) is missing") }
        return date
    }

    /// The words `html|pdf` and `public|exempt` from position `start` on, in either order; html
    /// and Part I when not given.
    /// - Throws: BADARG for any other word.
    func formatAndPart(from start: Int) throws(CommandError) -> (format: PackFormat, part: PackPart) {
        var format = PackFormat.html
        var part = PackPart.public
        for word in arguments.dropFirst(start).map({ $0.lowercased() }) {
            if let chosen = PackFormat(rawValue: word) {
                format = chosen
            } else if let chosen = PackPart(rawValue: word) {
                part = chosen
            } else {
                throw .badArgument(name, "'\(word)' is not html, pdf, public or exempt")
            }
        }
        return (format, part)
    }

    /// The `exempt=<1-7>` option as a number; the core checks that it is a Schedule 12A paragraph.
    /// - Throws: BADARG when it is not a number.
    func exemptParagraph(in options: [String: String]) throws(CommandError) -> Int? {
        guard let text = options["exempt"] else { return nil }
        guard let number = Int(text) else {
            throw .badArgument(name, "exempt '\(text)' is not a Schedule 12A paragraph (1 to 7)")
        }
        return number
    }

    /// A `key=yes|no` option; false when not given.
    /// - Throws: BADARG for any other value.
    func yesNo(_ key: String, in options: [String: String]) throws(CommandError) -> Bool {
        guard let text = options[key]?.lowercased() else { return false }
        guard ["yes", "no"].contains(text) else { throw .badArgument(name, "\(key) must be yes or no, not '\(text)'") }
        return text == "yes"
    }
}
